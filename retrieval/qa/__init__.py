"""Question answering over one article: BM25 and MiniLM first stage, the reading model, abstention, extractive
answers, summaries, follow-ups and questions about the article itself."""
