class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__(f"need {need}, have {have}")
        self.need, self.have = need, have
class Account:
    _next = 1
    def __init__(self, owner, balance=0):
        self.owner, self.balance = owner, balance
        self.id = Account._next; Account._next += 1
        self.history = []
    def deposit(self, amt):
        if amt <= 0: raise ValueError("deposit must be positive")
        self.balance += amt; self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance: raise InsufficientFunds(amt, self.balance)
        self.balance -= amt; self.history.append(("wd", amt))
    def __repr__(self): return f"Account#{self.id}({self.owner}, {self.balance})"
def transfer(a, b, amt):
    try:
        a.withdraw(amt)
    except InsufficientFunds as e:
        print("transfer failed:", e)
        return False
    b.deposit(amt)
    return True
x, y = Account("ann", 100), Account("bob")
print(transfer(x, y, 30), transfer(x, y, 500), x, y)
try:
    y.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
print(x.history, y.history)
