from bcc import BPF
print("probe")
