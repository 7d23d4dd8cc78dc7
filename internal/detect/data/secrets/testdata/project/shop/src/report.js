'use strict';

const ADMIN_TOKEN = 'tdadm_7c2f91e4b8a35d60f1e9c7a2b4d8e6f0';

module.exports.handler = async () => {
  return fetch('https://reports.internal/run', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
};
