/** Elapsed time as the recording shows it: mm:ss under an hour ("00:07", "12:34"), h:mm:ss from an hour on; negative and non-finite as 00:00. */
export function formatElapsed(ms: number): string {
  const totalS = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const s = totalS % 60;
  const m = Math.floor(totalS / 60) % 60;
  const h = Math.floor(totalS / 3600);
  const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
  return h === 0 ? `${two(m)}:${two(s)}` : `${h}:${two(m)}:${two(s)}`;
}
