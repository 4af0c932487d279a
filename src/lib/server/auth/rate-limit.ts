import { RateLimiter } from '../security/rate-limiter';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Failed sign-ins: 10 per username, and a higher ceiling per address because a whole
 * school or theme-day hall shares one.
 */
export const failedLoginsByUsername = new RateLimiter(10, FIFTEEN_MINUTES);
export const failedLoginsByAddress = new RateLimiter(200, FIFTEEN_MINUTES);
/** Account creation per address: generous for a classroom, but stops scripted sign-ups. */
export const signupsByAddress = new RateLimiter(300, 60 * 60 * 1000);
