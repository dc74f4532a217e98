"""The exercise library and its pictures.

Each regimen's exercises are data (``bot/content/exercises/<regimen>.yml``), read and
checked by :mod:`.library`; each exercise's picture is drawn by our own code from joint
angles (poses in ``poses.yml``: :mod:`.poses`, the figure's kinematics in :mod:`.figure`,
mats, tables and machines in :mod:`.scene`) and rendered once to PNG and GIF, cached by
content (:mod:`.render`).

May import: bot.domain, bot.settings.
"""
