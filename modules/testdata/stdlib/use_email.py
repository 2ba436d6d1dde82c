from email.message import EmailMessage
from email import message_from_string
m = EmailMessage(); m["Subject"] = "Hi"; m["To"] = "a@b.c"; m.set_content("body text")
s = m.as_string(); print(s.splitlines()[:3]); print(message_from_string(s)["subject"])
