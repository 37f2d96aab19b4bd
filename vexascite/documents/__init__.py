"""Reading input documents as text with positions (encodings, .docx, .pdf), below importers and link."""
