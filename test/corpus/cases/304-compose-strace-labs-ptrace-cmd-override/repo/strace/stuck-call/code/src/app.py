print("caller")
