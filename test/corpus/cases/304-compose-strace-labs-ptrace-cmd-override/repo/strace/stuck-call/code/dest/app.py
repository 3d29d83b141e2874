print("callee")
