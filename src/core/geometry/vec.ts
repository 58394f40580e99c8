/** 2D points and vectors in image pixels, y pointing down. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** z of the cross product (b - o) x (c - o); in y-down image space, > 0 when o->b->c turns clockwise on screen. */
export const cross = (o: Point, b: Point, c: Point): number => (b.x - o.x) * (c.y - o.y) - (b.y - o.y) * (c.x - o.x);

export const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
