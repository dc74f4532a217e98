"""The Telegram connector: python-telegram-bot's Application around the Rasa agent, the rate
limiter every Bot API call goes through, and the daily check-in sender.

May import: bot.domain, bot.content, bot.store, bot.services, bot.rasa, bot.settings.
"""
