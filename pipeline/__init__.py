"""The pipeline's steps that the flows compose: pages to rows (pages.py: parse + extract, in one place),
`csi extract` (extract_pages.py). Above the rooms (scrapers, transforms, warehouse), below the flows."""
