/** Time, from outside: the system clock in production, a clock tests can move. */
export interface Clock {
  now(): Date;
}
