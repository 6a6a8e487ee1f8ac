"""Articles: read any format (web page, Markdown, plain text), clean it into headline, authors, date and
numbered paragraphs, and cut it into sentences and passages."""

from retrieval.article.cleaning import Article, Paragraph, from_bytes, from_page, is_boilerplate, load, parse

__all__ = ["Article", "Paragraph", "from_bytes", "from_page", "is_boilerplate", "load", "parse"]
