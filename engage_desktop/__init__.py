"""Engage Desktop: customer engagement for a small shop, offline."""

APP_NAME = "Engage Desktop"
APP_ID = "engage-desktop"
ORG_NAME = "Engage Desktop"
__version__ = "0.1.0"
