"""The Qt user interface. Views ask metrics functions for data on the database thread; no SQL here."""
