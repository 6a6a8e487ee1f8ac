"""The Discord transport: client lifecycle (client), slash commands (commands), buttons (views), embeds
(render) and process start-up (run). It parses and ranks nothing: the Router does."""
