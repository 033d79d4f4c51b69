"""Writing results out: Excel workbooks with native charts, CSV/xlsx customer lists (no Qt)."""
