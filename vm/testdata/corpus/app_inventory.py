inventory = {"apple": {"qty": 5, "price": 0.5}, "pear": {"qty": 0, "price": 0.75}, "kiwi": {"qty": 12, "price": 0.2}}
def value(inv):
    return sum(v["qty"] * v["price"] for v in inv.values())
def restock(inv, name, qty, price=None):
    item = inv.setdefault(name, {"qty": 0, "price": price or 1.0})
    item["qty"] += qty
    if price is not None:
        item["price"] = price
print(f"{value(inventory):.2f}")
restock(inventory, "pear", 10)
restock(inventory, "plum", 3, 1.25)
print(sorted(inventory), f"{value(inventory):.2f}")
out_of_stock = [k for k, v in inventory.items() if v["qty"] == 0]
print(out_of_stock)
report = sorted(inventory.items(), key=lambda kv: kv[1]["qty"] * kv[1]["price"], reverse=True)
for name, v in report:
    print(f"{name:<6}{v['qty']:>4} x {v['price']:5.2f} = {v['qty'] * v['price']:6.2f}")
