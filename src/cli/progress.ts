/** Progress on stderr: a redrawn bar on a terminal, a line every 10% otherwise (logs stay readable). */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr, label = 'analysing'): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    const fraction = Math.min(1, done / total);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} frames`);
      if (done >= total) stream.write('\n');
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${label}: ${done}/${total} frames (${decile * 10}%)\n`);
      }
    }
  };
}
