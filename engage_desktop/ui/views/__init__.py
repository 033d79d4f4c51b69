"""The views, in navigation order (a registry, so one smoke test can build them all)."""

from __future__ import annotations

from engage_desktop.ui.views.actions import ActionsView
from engage_desktop.ui.views.cohorts import CohortsView
from engage_desktop.ui.views.comments import CommentsView
from engage_desktop.ui.views.engagement import EngagementView
from engage_desktop.ui.views.home import HomeView
from engage_desktop.ui.views.imports import ImportsView
from engage_desktop.ui.views.journey import JourneyView
from engage_desktop.ui.views.monthly import MonthlyView
from engage_desktop.ui.views.surveys import SurveysView
from engage_desktop.ui.views.ltv import LtvView
from engage_desktop.ui.views.measures import MeasuresView
from engage_desktop.ui.views.movement import MovementView
from engage_desktop.ui.views.predicted import PredictedView
from engage_desktop.ui.views.rfm import RfmView

VIEWS = [HomeView, ActionsView, RfmView, JourneyView, LtvView, PredictedView, SurveysView, CommentsView, EngagementView,
         MonthlyView, MovementView, CohortsView, MeasuresView, ImportsView]
