"""Readers of AWS (boto3), Cloudflare (official SDK) and the shop API (requests)."""
