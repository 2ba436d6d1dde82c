import datetime as dt
d = dt.date(2024, 2, 29); print(d, d + dt.timedelta(days=1), d.weekday(), d.isoformat(), d.strftime("%A %d %B %Y"))
t = dt.datetime(2020, 1, 2, 3, 4, 5, 6); print(t, repr(t), t.isoformat(), t.timestamp() if t.tzinfo else "naive")
u = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc); print(u, u.astimezone(dt.timezone(dt.timedelta(hours=2))))
print(dt.timedelta(days=1, seconds=3661), dt.datetime.fromisoformat("2021-05-06T07:08:09"), dt.date.fromordinal(738000))
print(dt.datetime.strptime("2022-10-11 12:13", "%Y-%m-%d %H:%M"), (dt.date(2024, 1, 1) - dt.date(2023, 1, 1)).days)
