"""The post-campaign report: figures and CSV from a recording (the PDF is drawn in widgets.report_pdf)."""
