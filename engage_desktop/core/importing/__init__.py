"""From an owner's export file to rows in the shop file: file -> table -> mapping -> SQL."""
