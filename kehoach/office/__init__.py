"""What an office sends and receives around a plan: workbooks, letters, reports."""
