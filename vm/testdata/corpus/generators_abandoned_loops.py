# A generator that a for loop abandons (break, return, an exception) is closed at once: its
# finally clauses and GeneratorExit handlers run before the statement after the loop.
def numbers(tag, log):
    try:
        for i in range(100):
            yield i
    except GeneratorExit:
        log.append(tag + ":exit")
        raise
    finally:
        log.append(tag + ":finally")

log = []
for n in numbers("break", log):
    if n == 3:
        break
print("after break", log)

def first_over(limit, log):
    for n in numbers("return", log):
        if n > limit:
            return n
print("returned", first_over(4, log), log[-2:])

try:
    for n in numbers("raise", log):
        if n == 2:
            raise KeyError(n)
except KeyError as e:
    print("caught", e, log[-2:])

# Nested loops: both inner generators are closed, innermost first.
def pairs(log):
    for a in numbers("outer", log):
        for b in numbers("inner", log):
            if b == 1:
                break
        if a == 1:
            return a
log.clear()
pairs(log)
print("nested", log)

# A generator kept in a variable is not the loop's alone: it stays open.
log.clear()
kept = numbers("kept", log)
for n in kept:
    if n == 1:
        break
print("kept open", log, next(kept))
kept.close()
print("closed by hand", log)

# A loop over a method that is a generator function, and over a generator expression.
class Box:
    def __init__(self, log):
        self.log = log
    def items(self):
        try:
            yield from range(10)
        finally:
            self.log.append("method:finally")
log.clear()
for n in Box(log).items():
    break
print("method", log)

# A generator that yields again when closed: the RuntimeError is reported on stderr ("Exception
# ignored in: <generator object ...>") and the program goes on.
def stubborn():
    try:
        yield 1
    finally:
        print("stubborn finally")
        yield 2
for x in stubborn():
    break
print("done")
