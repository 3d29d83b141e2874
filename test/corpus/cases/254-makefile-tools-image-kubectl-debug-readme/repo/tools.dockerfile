FROM python:3.12

# profilers for the ephemeral container
RUN apt-get update && apt-get install -y bpftrace
RUN pip install py-spy

CMD ["bash", "-i", "--login"]
