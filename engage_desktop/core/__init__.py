"""The Qt-free core: the shop file, importing, metrics and export.

Nothing under this package may import PySide6 or pyqtgraph; a test enforces it.
"""
