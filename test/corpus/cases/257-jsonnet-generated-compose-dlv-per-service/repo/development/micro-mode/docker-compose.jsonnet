local debugged(name, target, port) = {
  [name]: {
    build: { context: '.', dockerfile: 'dev.dockerfile' },
    image: 'tsdb',
    command: ['sh', '-c', 'sleep 3 && exec ./dlv exec ./tsdb --listen=:%d --headless=true --api-version=2 --accept-multiclient --continue -- -target=%s -server.http-listen-port=%d' % [10000 + port, target, port]],
    ports: ['%d:%d' % [port, port], '%d:%d' % [10000 + port, 10000 + port]],
  },
};
{
  services:
    debugged('distributor-1', 'distributor', 8000) +
    debugged('ingester-1', 'ingester', 8002) +
    debugged('querier', 'querier', 8004) +
    { grafana: { image: 'grafana/grafana:10.4.0', ports: ['3000:3000'] } } +
    { memcached: { image: 'memcached:1.6.19-alpine' } },
}
