y = (a, g(b) c)
