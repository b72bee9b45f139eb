// Stands in for Electron's utility process around build/electron/host.cjs: the one thing the
// bundle takes from Electron is process.parentPort, whose messages arrive as `event.data`.
// Here it is the forked Node process's IPC channel (serialization: 'advanced', structured cloning).
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => {
    if (event === 'message') process.on('message', (data) => listener({ data }));
  },
};
