"""Resolution of references to verified DOIs, PMIDs and metadata (the only network users)."""
