// Preloaded (node --require) into third-party dev tools that a test runs, so that they cannot reach the
// network even where it exists: every outbound connection fails at once with ENETUNREACH.
'use strict';
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const refuse = () => {
  const error = new Error('network access is disabled in Pledge Desk tests');
  error.code = 'ENETUNREACH';
  throw error;
};
net.connect = net.createConnection = refuse;
net.Socket.prototype.connect = refuse;
tls.connect = refuse;
dns.lookup = (_host, _options, callback) => (typeof _options === 'function' ? _options : callback)(Object.assign(new Error('no DNS in tests'), { code: 'ENOTFOUND' }));
