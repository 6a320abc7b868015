"""PDF generation with ReportLab. Everything drawn here was computed in `app/` first."""
