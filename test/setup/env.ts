// Tests run in Asia/Shanghai like production, and never reach the network by accident.
process.env.TZ = 'Asia/Shanghai';
