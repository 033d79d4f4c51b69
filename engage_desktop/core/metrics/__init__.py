"""Everything the views show, computed in SQL on the shop file (no Qt)."""
