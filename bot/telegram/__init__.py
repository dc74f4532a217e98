"""Backstep's Telegram connector."""
