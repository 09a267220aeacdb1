module.exports = require('brokle');
