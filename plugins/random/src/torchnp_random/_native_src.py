"""The C source of the CPU kernels (``_native`` compiles it on first use).

NumPy's bit generators and distribution algorithms, written for torchnp,
running sequentially on a state vector laid out as in ``_engines`` (an int64
tensor's memory): what NumPy's C loops compute, value for value, calling the
same C library (``exp``, ``log1p``...) NumPy calls. Compiled without
floating-point contraction (``-ffp-contract=off``) so every product and sum is
rounded as written, as in NumPy's build.

Kept as a Python string so every way of installing the package carries it.
"""

SOURCE = r"""
#include <stdint.h>
#include <string.h>
#include <math.h>

typedef unsigned __int128 u128;
typedef int64_t i64;
typedef uint64_t u64;
typedef uint32_t u32;

enum { E_PCG64 = 0, E_DXSM = 1, E_PHILOX = 2, E_SFC64 = 3, E_MT = 4 };

/* ---------------------------------------------------------------- tables */
static i64 KI_D[256], KE_D[256], KI_F[256], KE_F[256];
static double WI_D[256], FI_D[256], WE_D[256], FE_D[256];
static float WI_F[256], FI_F[256], WE_F[256], FE_F[256];
static double LOGFACT[126];

#define NOR_R 3.6541528853610087963519472518
#define NOR_INV_R 0.27366123732975827203338247596
#define EXP_R 7.6971174701310497140446280481
#define NOR_R_F 3.6541528853610087963519472518f
#define NOR_INV_R_F 0.27366123732975827203338247596f
#define EXP_R_F 7.6971174701310497140446280481f
#define PI_D 3.141592653589793
#define I64_MAX_D 9.223372036854776e18

void tnp_set_tables(const i64 *kid, const double *wid, const double *fid,
                    const i64 *ked, const double *wed, const double *fed,
                    const i64 *kif, const float *wif, const float *fif,
                    const i64 *kef, const float *wef, const float *fef,
                    const double *logfact) {
  memcpy(KI_D, kid, sizeof KI_D); memcpy(WI_D, wid, sizeof WI_D); memcpy(FI_D, fid, sizeof FI_D);
  memcpy(KE_D, ked, sizeof KE_D); memcpy(WE_D, wed, sizeof WE_D); memcpy(FE_D, fed, sizeof FE_D);
  memcpy(KI_F, kif, sizeof KI_F); memcpy(WI_F, wif, sizeof WI_F); memcpy(FI_F, fif, sizeof FI_F);
  memcpy(KE_F, kef, sizeof KE_F); memcpy(WE_F, wef, sizeof WE_F); memcpy(FE_F, fef, sizeof FE_F);
  memcpy(LOGFACT, logfact, sizeof LOGFACT);
}

/* ---------------------------------------------------------------- engines */
typedef struct {
  int kind;
  u128 s, inc;                 /* PCG64, PCG64DXSM */
  u64 c[4], k[2], b[4];        /* Philox: counter, key, buffer */
  i64 bpos;
  u64 f[4];                    /* SFC64 */
  u32 mt[624];                 /* MT19937 */
  i64 mpos;
  i64 has32;                   /* the buffered high half of a 64-bit word */
  u32 u32v;
} G;

static const u128 PCG_MULT = (((u128)2549297995355413924ULL) << 64) + 4865540595714422341ULL;
#define PCG_CHEAP 0xDA942042E4DD58B5ULL

static void g_load(G *g, int kind, const i64 *st) {
  g->kind = kind;
  switch (kind) {
  case E_PCG64: case E_DXSM:
    g->s = (((u128)(u64)st[0]) << 64) | (u64)st[1];
    g->inc = (((u128)(u64)st[2]) << 64) | (u64)st[3];
    g->has32 = st[4]; g->u32v = (u32)st[5];
    break;
  case E_PHILOX:
    for (int i = 0; i < 4; i++) { g->c[i] = (u64)st[i]; g->b[i] = (u64)st[6 + i]; }
    g->k[0] = (u64)st[4]; g->k[1] = (u64)st[5];
    g->bpos = st[10]; g->has32 = st[11]; g->u32v = (u32)st[12];
    if (g->bpos < 0 || g->bpos > 4) g->bpos = 4;   /* never index outside the buffer */
    break;
  case E_SFC64:
    for (int i = 0; i < 4; i++) g->f[i] = (u64)st[i];
    g->has32 = st[4]; g->u32v = (u32)st[5];
    break;
  default:
    for (int i = 0; i < 624; i++) g->mt[i] = (u32)st[i];
    g->mpos = st[624];
    if (g->mpos < 0 || g->mpos > 624) g->mpos = 624;   /* never index outside the key */
    g->has32 = 0; g->u32v = 0;
  }
}

static void g_store(const G *g, i64 *st) {
  switch (g->kind) {
  case E_PCG64: case E_DXSM:
    st[0] = (i64)(u64)(g->s >> 64); st[1] = (i64)(u64)g->s;
    st[4] = g->has32; st[5] = (i64)g->u32v;
    break;
  case E_PHILOX:
    for (int i = 0; i < 4; i++) { st[i] = (i64)g->c[i]; st[6 + i] = (i64)g->b[i]; }
    st[10] = g->bpos; st[11] = g->has32; st[12] = (i64)g->u32v;
    break;
  case E_SFC64:
    for (int i = 0; i < 4; i++) st[i] = (i64)g->f[i];
    st[4] = g->has32; st[5] = (i64)g->u32v;
    break;
  default:
    for (int i = 0; i < 624; i++) st[i] = (i64)g->mt[i];
    st[624] = g->mpos;
  }
}

static inline u64 pcg64_next(G *g) {
  g->s = g->s * PCG_MULT + g->inc;
  u64 hi = (u64)(g->s >> 64), v = hi ^ (u64)g->s;
  unsigned r = (unsigned)(hi >> 58);
  return (v >> r) | (v << ((64 - r) & 63));
}

static inline u64 dxsm_next(G *g) {
  u64 hi = (u64)(g->s >> 64), lo = (u64)g->s | 1;
  g->s = g->s * (u128)PCG_CHEAP + g->inc;
  hi ^= hi >> 32;
  hi *= PCG_CHEAP;
  hi ^= hi >> 48;
  return hi * lo;
}

#define PH_M0 0xD2E7470EE14C6C93ULL
#define PH_M1 0xCA5A826395121157ULL
#define PH_W0 0x9E3779B97F4A7C15ULL
#define PH_W1 0xBB67AE8584CAA73BULL

static void philox_block(G *g) {
  u64 c0 = g->c[0], c1 = g->c[1], c2 = g->c[2], c3 = g->c[3];
  u64 k0 = g->k[0], k1 = g->k[1];
  for (int r = 0; r < 10; r++) {
    if (r) { k0 += PH_W0; k1 += PH_W1; }
    u128 p0 = (u128)PH_M0 * c0, p1 = (u128)PH_M1 * c2;
    u64 n0 = (u64)(p1 >> 64) ^ c1 ^ k0, n2 = (u64)(p0 >> 64) ^ c3 ^ k1;
    c1 = (u64)p1; c3 = (u64)p0; c0 = n0; c2 = n2;
  }
  g->b[0] = c0; g->b[1] = c1; g->b[2] = c2; g->b[3] = c3;
}

static inline u64 philox_next(G *g) {
  if (g->bpos >= 4) {
    if (++g->c[0] == 0 && ++g->c[1] == 0 && ++g->c[2] == 0) ++g->c[3];
    philox_block(g);
    g->bpos = 0;
  }
  return g->b[g->bpos++];
}

static inline u64 sfc64_next(G *g) {
  u64 a = g->f[0], b = g->f[1], c = g->f[2], w = g->f[3];
  u64 tmp = a + b + w;
  g->f[3] = w + 1;
  g->f[0] = b ^ (b >> 11);
  g->f[1] = c + (c << 3);
  g->f[2] = ((c << 24) | (c >> 40)) + tmp;
  return tmp;
}

static void mt_twist(G *g) {
  u32 *m = g->mt;
  for (int i = 0; i < 624; i++) {
    u32 y = (m[i] & 0x80000000U) | (m[(i + 1) % 624] & 0x7FFFFFFFU);
    m[i] = m[(i + 397) % 624] ^ (y >> 1) ^ ((u32)(-(i64)(y & 1)) & 0x9908B0DFU);
  }
}

static inline u32 mt_next(G *g) {
  if (g->mpos >= 624) { mt_twist(g); g->mpos = 0; }
  u32 y = g->mt[g->mpos++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9D2C5680U;
  y ^= (y << 15) & 0xEFC60000U;
  return y ^ (y >> 18);
}

static inline u64 raw64(G *g) {
  switch (g->kind) {
  case E_PCG64: return pcg64_next(g);
  case E_DXSM: return dxsm_next(g);
  case E_PHILOX: return philox_next(g);
  case E_SFC64: return sfc64_next(g);
  default: return 0;
  }
}

static inline u64 next64(G *g) {
  if (g->kind == E_MT) {
    u64 hi = mt_next(g);
    return (hi << 32) | mt_next(g);
  }
  return raw64(g);
}

static inline u32 next32(G *g) {
  if (g->kind == E_MT) return mt_next(g);
  if (g->has32) { g->has32 = 0; return g->u32v; }
  u64 v = raw64(g);
  g->has32 = 1;
  g->u32v = (u32)(v >> 32);
  return (u32)v;
}

static inline double next_double(G *g) {
  if (g->kind == E_MT) {
    i64 a = mt_next(g) >> 5, b = mt_next(g) >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }
  return (raw64(g) >> 11) * (1.0 / 9007199254740992.0);
}

static inline float next_float(G *g) {
  return (next32(g) >> 8) * (1.0f / 16777216.0f);
}

/* ------------------------------------------------ normal and exponential */
static double std_normal(G *g) {
  for (;;) {
    u64 r = next64(g);
    int idx = (int)(r & 0xff);
    r >>= 8;
    int sign = (int)(r & 1);
    u64 rabs = (r >> 1) & 0x000fffffffffffffULL;
    double x = rabs * WI_D[idx];
    if (sign) x = -x;
    if ((i64)rabs < KI_D[idx]) return x;
    if (idx == 0) {
      for (;;) {
        double xx = -NOR_INV_R * log1p(-next_double(g));
        double yy = -log1p(-next_double(g));
        if (yy + yy > xx * xx)
          return ((rabs >> 8) & 1) ? -(NOR_R + xx) : NOR_R + xx;
      }
    } else {
      if (((FI_D[idx - 1] - FI_D[idx]) * next_double(g) + FI_D[idx]) < exp(-0.5 * x * x))
        return x;
    }
  }
}

static float std_normal_f(G *g) {
  for (;;) {
    u32 r = next32(g);
    int idx = (int)(r & 0xff);
    int sign = (int)((r >> 8) & 1);
    u32 rabs = (r >> 9) & 0x0007fffff;
    float x = rabs * WI_F[idx];
    if (sign) x = -x;
    if ((i64)rabs < KI_F[idx]) return x;
    if (idx == 0) {
      for (;;) {
        float xx = -NOR_INV_R_F * log1pf(-next_float(g));
        float yy = -log1pf(-next_float(g));
        if (yy + yy > xx * xx)
          return ((rabs >> 8) & 1) ? -(NOR_R_F + xx) : NOR_R_F + xx;
      }
    } else {
      if (((FI_F[idx - 1] - FI_F[idx]) * next_float(g) + FI_F[idx]) < exp(-0.5 * x * x))
        return x;
    }
  }
}

static double std_exp(G *g) {
  for (;;) {
    u64 ri = next64(g) >> 3;
    int idx = (int)(ri & 0xff);
    ri >>= 8;
    double x = ri * WE_D[idx];
    if ((i64)ri < KE_D[idx]) return x;
    if (idx == 0) return EXP_R - log1p(-next_double(g));
    if ((FE_D[idx - 1] - FE_D[idx]) * next_double(g) + FE_D[idx] < exp(-x)) return x;
  }
}

static float std_exp_f(G *g) {
  for (;;) {
    u32 ri = next32(g) >> 1;
    int idx = (int)(ri & 0xff);
    ri >>= 8;
    float x = ri * WE_F[idx];
    if ((i64)ri < KE_F[idx]) return x;
    if (idx == 0) return EXP_R_F - log1pf(-next_float(g));
    if ((FE_F[idx - 1] - FE_F[idx]) * next_float(g) + FE_F[idx] < expf(-x)) return x;
  }
}

/* ------------------------------------------------------------- gamma */
static double std_gamma(G *g, double shape) {
  if (shape == 1.0) return std_exp(g);
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      double U = next_double(g), V = std_exp(g), X, Y;
      if (U <= 1.0 - shape) {
        X = pow(U, 1. / shape);
        if (X <= V) return X;
      } else {
        Y = -log((1 - U) / shape);
        X = pow(1.0 - shape + shape * Y, 1. / shape);
        if (X <= (V + Y)) return X;
      }
    }
  }
  double b = shape - 1. / 3., c = 1. / sqrt(9 * b);
  for (;;) {
    double X, V, U;
    do {
      X = std_normal(g);
      V = 1.0 + c * X;
    } while (V <= 0.0);
    V = V * V * V;
    U = next_double(g);
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (log(U) < 0.5 * X * X + b * (1. - V + log(V))) return b * V;
  }
}

static float std_gamma_f(G *g, float shape) {
  if (shape == 1.0f) return std_exp_f(g);
  if (shape == 0.0f) return 0.0f;
  if (shape < 1.0f) {
    for (;;) {
      float U = next_float(g), V = std_exp_f(g), X, Y;
      if (U <= 1.0f - shape) {
        X = powf(U, 1.0f / shape);
        if (X <= V) return X;
      } else {
        Y = -logf((1.0f - U) / shape);
        X = powf(1.0f - shape + shape * Y, 1.0f / shape);
        if (X <= (V + Y)) return X;
      }
    }
  }
  float b = shape - 1.0f / 3.0f, c = 1.0f / sqrtf(9.0f * b);
  for (;;) {
    float X, V, U;
    do {
      X = std_normal_f(g);
      V = 1.0f + c * X;
    } while (V <= 0.0f);
    V = V * V * V;
    U = next_float(g);
    if (U < 1.0f - 0.0331f * (X * X) * (X * X)) return b * V;
    if (logf(U) < 0.5f * X * X + b * (1.0f - V + logf(V))) return b * V;
  }
}

static double loggam(double x) {
  static const double a[10] = {8.333333333333333e-02, -2.777777777777778e-03,
                               7.936507936507937e-04, -5.952380952380952e-04,
                               8.417508417508418e-04, -1.917526917526918e-03,
                               6.410256410256410e-03, -2.955065359477124e-02,
                               1.796443723688307e-01, -1.39243221690590e+00};
  if (x == 1.0 || x == 2.0) return 0.0;
  i64 n = 0;
  if (x < 7.0) n = (i64)(7 - x);
  double x0 = n + x;
  double x2 = 1.0 / x0;
  x2 = x2 * x2;
  double gl0 = a[9];
  for (int k = 8; k >= 0; k--) { gl0 *= x2; gl0 += a[k]; }
  double gl = gl0 / x0 + 0.9189385332046727 + (x0 - 0.5) * log(x0) - x0;
  if (x < 7.0) {
    for (i64 k = 1; k <= n; k++) { gl -= log(x0 - 1.0); x0 -= 1.0; }
  }
  return gl;
}

static double logfactorial(i64 k) {
  if (k >= 0 && k < 126) return LOGFACT[k];
  double x = (double)k;
  return (x + 0.5) * log(x) - x + (0.9189385332046728 + (1.0 / x) * (0.08333333333333333 - 1.0 / (360.0 * x * x)));
}

/* ---------------------------------------------------- Generator's others */
static double beta_d(G *g, double a, double b) {
  if (a <= 1.0 && b <= 1.0) {
    if (a < 3e-103 && b < 3e-103) {
      double U = next_double(g);
      return ((a + b) * U < a) ? 1.0 : 0.0;
    }
    for (;;) {
      double U = next_double(g), V = next_double(g);
      double X = pow(U, 1.0 / a), Y = pow(V, 1.0 / b), XpY = X + Y;
      if (XpY <= 1.0 && U + V > 0.0) {
        if (X > 0 && Y > 0) return X / XpY;
        double logX = log(U) / a, logY = log(V) / b, delta = logX - logY;
        if (delta > 0) return exp(-log1p(exp(-delta)));
        return exp(delta - log1p(exp(delta)));
      }
    }
  }
  double Ga = std_gamma(g, a), Gb = std_gamma(g, b);
  return Ga / (Ga + Gb);
}

static double chisq(G *g, double df) { return 2.0 * std_gamma(g, df / 2.0); }

static i64 poisson_mult(G *g, double lam) {
  double enlam = exp(-lam), prod = 1.0;
  i64 X = 0;
  for (;;) {
    prod *= next_double(g);
    if (prod > enlam) X += 1; else return X;
  }
}

static i64 poisson_ptrs(G *g, double lam) {
  double slam = sqrt(lam), loglam = log(lam);
  double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    double U = next_double(g) - 0.5, V = next_double(g);
    double us = 0.5 - fabs(U);
    i64 k = (i64)floor((2 * a / us + b) * U + lam + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if ((log(V) + log(invalpha) - log(a / (us * us) + b)) <= (-lam + k * loglam - loggam(k + 1)))
      return k;
  }
}

static i64 poisson(G *g, double lam) {
  if (lam >= 10) return poisson_ptrs(g, lam);
  if (lam == 0) return 0;
  return poisson_mult(g, lam);
}

typedef struct { int has; i64 nsave; double psave, r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4; i64 m; } binom_t;

static i64 binom_btpe(G *g, i64 n, double p, binom_t *bs, int legacy) {
  double r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4;
  double a, u, v, s, F, rho, t, A, nrq, x1, x2, f1, f2, z, z2, w, w2, x;
  i64 m, y, k, i;
  if (!bs->has || bs->nsave != n || bs->psave != p) {
    bs->nsave = n; bs->psave = p; bs->has = 1;
    bs->r = r = fmin(p, 1.0 - p);
    bs->q = q = 1.0 - r;
    bs->fm = fm = n * r + r;
    bs->m = m = (i64)floor(bs->fm);
    bs->p1 = p1 = floor(2.195 * sqrt(n * r * q) - 4.6 * q) + 0.5;
    bs->xm = xm = m + 0.5;
    bs->xl = xl = xm - p1;
    bs->xr = xr = xm + p1;
    bs->c = c = 0.134 + 20.5 / (15.3 + m);
    a = (fm - xl) / (fm - xl * r);
    bs->laml = laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    bs->lamr = lamr = a * (1.0 + a / 2.0);
    bs->p2 = p2 = p1 * (1.0 + 2.0 * c);
    bs->p3 = p3 = p2 + c / laml;
    bs->p4 = p4 = p3 + c / lamr;
  } else {
    r = bs->r; q = bs->q; fm = bs->fm; m = bs->m; p1 = bs->p1; xm = bs->xm; xl = bs->xl;
    xr = bs->xr; c = bs->c; laml = bs->laml; lamr = bs->lamr; p2 = bs->p2; p3 = bs->p3;
    p4 = bs->p4;
  }
step10:
  nrq = n * r * q;
  u = next_double(g) * p4;
  v = next_double(g);
  if (u > p1) goto step20;
  y = (i64)floor(xm - p1 * v + u);
  goto step60;
step20:
  if (u > p2) goto step30;
  x = xl + (u - p1) / c;
  v = v * c + 1.0 - fabs(m - x + 0.5) / p1;
  if (v > 1.0) goto step10;
  y = (i64)floor(x);
  goto step50;
step30:
  if (u > p3) goto step40;
  y = (i64)floor(xl + log(v) / laml);
  if (y < 0 || v == 0.0) goto step10;
  v = v * (u - p2) * laml;
  goto step50;
step40:
  y = (i64)floor(xr - log(v) / lamr);
  if (y > n || v == 0.0) goto step10;
  v = v * (u - p3) * lamr;
step50:
  k = llabs(y - m);
  if (k > 20 && k < (nrq / 2.0 - 1)) goto step52;
  s = r / q;
  a = s * (n + 1);
  F = 1.0;
  if (m < y) {
    for (i = m + 1; i <= y; i++) F *= (a / i - s);
  } else if (m > y) {
    for (i = y + 1; i <= m; i++) F /= (a / i - s);
  }
  if (v > F) goto step10;
  goto step60;
step52:
  rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
  t = -k * k / (2 * nrq);
  A = log(v);
  if (A < (t - rho)) goto step60;
  if (A > (t + rho)) goto step10;
  x1 = (double)y + 1;
  f1 = (double)m + 1;
  z = (double)n + 1 - (double)m;
  w = (double)n - (double)y + 1;
  x2 = x1 * x1;
  f2 = f1 * f1;
  z2 = z * z;
  w2 = w * w;
  (void)legacy;
  if (A > (xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q)) +
           (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320. +
           (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320. +
           (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320. +
           (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.))
    goto step10;
step60:
  if (p > 0.5) y = n - y;
  return y;
}

static i64 binom_inv(G *g, i64 n, double p, binom_t *bs, int legacy) {
  double q, qn, np, px, U;
  i64 X, bound;
  if (!bs->has || bs->nsave != n || bs->psave != p) {
    bs->nsave = n; bs->psave = p; bs->has = 1;
    bs->q = q = 1.0 - p;
    bs->r = qn = legacy ? exp(n * log(q)) : exp(n * log1p(-p));
    bs->c = np = n * p;
    bs->m = bound = (i64)fmin((double)n, np + 10.0 * sqrt(np * q + 1));
  } else {
    q = bs->q; qn = bs->r; np = bs->c; bound = bs->m;
  }
  X = 0;
  px = qn;
  U = next_double(g);
  while (U > px) {
    X++;
    if (X > bound) {
      X = 0;
      px = qn;
      U = next_double(g);
    } else {
      U -= px;
      px = ((n - X + 1) * p * px) / (X * q);
    }
  }
  return X;
}

static i64 binomial(G *g, double p, i64 n, binom_t *bs, int legacy) {
  if (!legacy && (n == 0 || p == 0.0f)) return 0;
  if (p <= 0.5) {
    if (p * n <= 30.0) return binom_inv(g, n, p, bs, legacy);
    return binom_btpe(g, n, p, bs, legacy);
  }
  double q = 1.0 - p;
  if (q * n <= 30.0) return n - binom_inv(g, n, q, bs, legacy);
  return n - binom_btpe(g, n, q, bs, legacy);
}

static double noncentral_chisq(G *g, double df, double nonc) {
  if (isnan(nonc)) return NAN;
  if (nonc == 0) return chisq(g, df);
  if (1 < df) {
    double Chi2 = chisq(g, df - 1);
    double n = std_normal(g) + sqrt(nonc);
    return Chi2 + n * n;
  }
  i64 i = poisson(g, nonc / 2.0);
  return chisq(g, df + 2 * i);
}

static double wald_d(G *g, double mean, double scale) {
  double Y = std_normal(g);
  Y = mean * Y * Y;
  double d = 1 + sqrt(1 + 4 * scale / Y);
  double X = mean * (1 - 2 / d);
  double U = next_double(g);
  if (U <= mean / (mean + X)) return X;
  return mean * mean / X;
}

static double vonmises_d(G *g, double mu, double kappa, int legacy) {
  double s, U, V, W, Y, Z, result, mod;
  if (isnan(kappa)) return NAN;
  if (kappa < 1e-8) return PI_D * (2 * next_double(g) - 1);
  if (kappa < 1e-5) {
    s = (1. / kappa + kappa);
  } else if (legacy || kappa <= 1e6) {
    double r = 1 + sqrt(1 + 4 * kappa * kappa);
    double rho = (r - sqrt(2 * r)) / (2 * kappa);
    s = (1 + rho * rho) / (2 * rho);
  } else {
    result = mu + sqrt(1. / kappa) * std_normal(g);
    if (result < -PI_D) result += 2 * PI_D;
    if (result > PI_D) result -= 2 * PI_D;
    return result;
  }
  for (;;) {
    U = next_double(g);
    Z = cos(PI_D * U);
    W = (1 + s * Z) / (s + Z);
    Y = kappa * (s - W);
    V = next_double(g);
    if ((Y * (2 - Y) - V >= 0) || (log(Y / V) + 1 - Y >= 0)) break;
  }
  U = next_double(g);
  result = acos(W);
  if (U < 0.5) result = -result;
  result += mu;
  int neg = (result < 0);
  mod = fabs(result);
  mod = (fmod(mod + PI_D, 2 * PI_D) - PI_D);
  if (neg) mod *= -1;
  return mod;
}

static i64 logseries(G *g, double p) {
  double r = log1p(-p);
  for (;;) {
    double V = next_double(g);
    if (V >= p) return 1;
    double U = next_double(g);
    double em = expm1(r * U), q = -em;
    if (V <= em * em) {
      i64 result = (i64)floor(1 + log(V) / log(q));
      if (result < 1 || V == 0.0) continue;
      return result;
    }
    if (V >= q) return 1;
    return 2;
  }
}

static i64 geometric_search(G *g, double p) {
  double U, sum, prod, q;
  i64 X = 1;
  sum = prod = p;
  q = 1.0 - p;
  U = next_double(g);
  while (U > sum) { prod *= q; sum += prod; X++; }
  return X;
}

static i64 geometric(G *g, double p) {
  if (p >= 0.333333333333333333333333) return geometric_search(g, p);
  double z = ceil(-std_exp(g) / log1p(-p));
  if (z >= I64_MAX_D) return INT64_MAX;
  return (i64)z;
}

static i64 zipf_d(G *g, double a) {
  if (a >= 1025) return 1;
  double am1 = a - 1.0, b = pow(2.0, am1), Umin = pow(I64_MAX_D, -am1);
  for (;;) {
    double U01 = next_double(g);
    double U = U01 * Umin + (1 - U01);
    double V = next_double(g);
    double X = floor(pow(U, -1.0 / am1));
    if (X > I64_MAX_D || X < 1.0) continue;
    double T = pow(1.0 + 1.0 / X, am1);
    if (V * X * (T - 1.0) / (b - 1.0) <= T / b) return (i64)X;
  }
}

static double triangular_d(G *g, double left, double mode, double right) {
  double base = right - left, leftbase = mode - left, ratio = leftbase / base;
  double leftprod = leftbase * base, rightprod = (right - mode) * base;
  double U = next_double(g);
  if (U <= ratio) return left + sqrt(U * leftprod);
  return right - sqrt((1.0 - U) * rightprod);
}

static double laplace_d(G *g, double loc, double scale) {
  for (;;) {
    double U = next_double(g);
    if (U >= 0.5) return loc - scale * log(2.0 - U - U);
    if (U > 0.0) return loc + scale * log(U + U);
  }
}

static double gumbel_d(G *g, double loc, double scale) {
  for (;;) {
    double U = 1.0 - next_double(g);
    if (U < 1.0) return loc - scale * log(-log(U));
  }
}

static double logistic_d(G *g, double loc, double scale) {
  for (;;) {
    double U = next_double(g);
    if (U > 0.0) return loc + scale * log(U / (1.0 - U));
  }
}

/* ------------------------------------------------------- bounded integers */
static inline u64 gen_mask(u64 m) {
  m |= m >> 1; m |= m >> 2; m |= m >> 4; m |= m >> 8; m |= m >> 16; m |= m >> 32;
  return m;
}

static inline u32 lemire32(G *g, u32 rng) {
  u32 excl = rng + 1;
  u64 m = (u64)next32(g) * excl;
  u32 left = (u32)m;
  if (left < excl) {
    u32 thr = (UINT32_MAX - rng) % excl;
    while (left < thr) { m = (u64)next32(g) * excl; left = (u32)m; }
  }
  return (u32)(m >> 32);
}

static inline u64 lemire64(G *g, u64 rng) {
  u64 excl = rng + 1;
  u128 m = (u128)next64(g) * excl;
  u64 left = (u64)m;
  if (left < excl) {
    u64 thr = (UINT64_MAX - rng) % excl;
    while (left < thr) { m = (u128)next64(g) * excl; left = (u64)m; }
  }
  return (u64)(m >> 64);
}

static inline u32 masked32(G *g, u32 rng, u32 mask) {
  u32 v;
  while ((v = (next32(g) & mask)) > rng) ;
  return v;
}

static inline u64 masked64(G *g, u64 rng, u64 mask) {
  u64 v;
  while ((v = (next64(g) & mask)) > rng) ;
  return v;
}

/* random_bounded_uint64: one value in [off, off + rng] */
static inline u64 bounded64(G *g, u64 off, u64 rng, int masked) {
  if (rng == 0) return off;
  if (rng == 0xFFFFFFFFULL) return off + next32(g);
  if (rng < 0xFFFFFFFFULL) {
    if (masked) return off + masked32(g, (u32)rng, (u32)gen_mask(rng));
    return off + lemire32(g, (u32)rng);
  }
  if (rng == UINT64_MAX) return off + next64(g);
  if (masked) return off + masked64(g, rng, gen_mask(rng));
  return off + lemire64(g, rng);
}

static u64 interval(G *g, u64 max) {
  if (max == 0) return 0;
  u64 mask = gen_mask(max), v;
  if (max <= 0xffffffffULL) {
    while ((v = (next32(g) & mask)) > max) ;
  } else {
    while ((v = (next64(g) & mask)) > max) ;
  }
  return v;
}

/* 8/16-bit chunks of a 32-bit buffer (bits = 8 or 16), or single bits (1) */
typedef struct { u32 buf; int cnt; } bbuf;

static inline u32 chunk(G *g, bbuf *bb, int bits) {
  if (!bb->cnt) {
    bb->buf = next32(g);
    bb->cnt = 32 / bits - 1;
  } else {
    bb->buf >>= bits;
    bb->cnt -= 1;
  }
  return bits == 1 ? (bb->buf & 1) : (bits == 8 ? (bb->buf & 0xFF) : (bb->buf & 0xFFFF));
}

static inline u32 bounded_small(G *g, u32 off, u32 rng, int bits, int masked, bbuf *bb) {
  u32 full = (bits == 8) ? 0xFFU : 0xFFFFU;
  if (rng == 0) return off;
  if (rng == full) return off + chunk(g, bb, bits);
  if (masked) {
    u32 mask = (u32)gen_mask(rng), v;
    while ((v = (chunk(g, bb, bits) & mask)) > rng) ;
    return off + v;
  }
  u32 excl = rng + 1;
  u32 m = chunk(g, bb, bits) * excl, left = m & full;
  if (left < excl) {
    u32 thr = (full - rng) % excl;
    while (left < thr) { m = chunk(g, bb, bits) * excl; left = m & full; }
  }
  return off + (m >> bits);
}

/* ------------------------------------------------ legacy (RandomState) */
static double l_gauss(G *g, double *gs) {
  if (gs[0] != 0.0) {
    double t = gs[1];
    gs[0] = 0.0; gs[1] = 0.0;
    return t;
  }
  double f, x1, x2, r2;
  do {
    x1 = 2.0 * next_double(g) - 1.0;
    x2 = 2.0 * next_double(g) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  f = sqrt(-2.0 * log(r2) / r2);
  gs[1] = f * x1;
  gs[0] = 1.0;
  return f * x2;
}

static double l_std_exp(G *g) { return -log(1.0 - next_double(g)); }

static double l_std_gamma(G *g, double *gs, double shape) {
  if (shape == 1.0) return l_std_exp(g);
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      double U = next_double(g), V = l_std_exp(g), X, Y;
      if (U <= 1.0 - shape) {
        X = pow(U, 1. / shape);
        if (X <= V) return X;
      } else {
        Y = -log((1 - U) / shape);
        X = pow(1.0 - shape + shape * Y, 1. / shape);
        if (X <= (V + Y)) return X;
      }
    }
  }
  double b = shape - 1. / 3., c = 1. / sqrt(9 * b);
  for (;;) {
    double X, V, U;
    do {
      X = l_gauss(g, gs);
      V = 1.0 + c * X;
    } while (V <= 0.0);
    V = V * V * V;
    U = next_double(g);
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (log(U) < 0.5 * X * X + b * (1. - V + log(V))) return b * V;
  }
}

static double l_chisq(G *g, double *gs, double df) { return 2.0 * l_std_gamma(g, gs, df / 2.0); }

static double l_noncentral_chisq(G *g, double *gs, double df, double nonc) {
  if (nonc == 0) return l_chisq(g, gs, df);
  if (1 < df) {
    double Chi2 = l_chisq(g, gs, df - 1);
    double n = l_gauss(g, gs) + sqrt(nonc);
    return Chi2 + n * n;
  }
  i64 i = poisson(g, nonc / 2.0);
  double out = l_chisq(g, gs, df + 2 * i);
  if (isnan(nonc)) return NAN;
  return out;
}

static double l_wald(G *g, double *gs, double mean, double scale) {
  double mu_2l = mean / (2 * scale);
  double Y = l_gauss(g, gs);
  Y = mean * Y * Y;
  double X = mean + mu_2l * (Y - sqrt(4 * scale * Y + Y * Y));
  double U = next_double(g);
  if (U <= mean / (mean + X)) return X;
  return mean * mean / X;
}

static double l_beta(G *g, double *gs, double a, double b) {
  if (a <= 1.0 && b <= 1.0) {
    for (;;) {
      double U = next_double(g), V = next_double(g);
      double X = pow(U, 1.0 / a), Y = pow(V, 1.0 / b);
      if ((X + Y) <= 1.0) {
        if (X + Y > 0) return X / (X + Y);
        double logX = log(U) / a, logY = log(V) / b;
        double logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return exp(logX - log(exp(logX) + exp(logY)));
      }
    }
  }
  double Ga = l_std_gamma(g, gs, a), Gb = l_std_gamma(g, gs, b);
  return Ga / (Ga + Gb);
}

static i64 l_hyp(G *g, i64 good, i64 bad, i64 sample) {
  i64 d1 = bad + good - sample, k = sample, z;
  double d2 = (double)(bad < good ? bad : good), y = d2, u;
  while (y > 0.0) {
    u = next_double(g);
    y -= (i64)floor(u + y / (d1 + k));
    k--;
    if (k == 0) break;
  }
  z = (i64)(d2 - y);
  if (good > bad) z = sample - z;
  return z;
}

static i64 l_hrua(G *g, i64 good, i64 bad, i64 sample) {
  const double D1 = 1.7155277699214135, D2 = 0.8989161620588988;
  i64 mingoodbad = good < bad ? good : bad, popsize = good + bad;
  i64 maxgoodbad = good > bad ? good : bad;
  i64 m = sample < popsize - sample ? sample : popsize - sample, d9, Z;
  double d4 = ((double)mingoodbad) / popsize, d5 = 1.0 - d4, d6 = m * d4 + 0.5;
  double d7 = sqrt((double)(popsize - m) * sample * d4 * d5 / (popsize - 1) + 0.5);
  double d8 = D1 * d7 + D2, d10, d11, T, W, X, Y;
  d9 = (i64)floor((double)(m + 1) * (mingoodbad + 1) / (popsize + 2));
  d10 = (loggam(d9 + 1) + loggam(mingoodbad - d9 + 1) + loggam(m - d9 + 1) +
         loggam(maxgoodbad - m + d9 + 1));
  d11 = fmin(fmin(m, mingoodbad) + 1.0, floor(d6 + 16 * d7));
  for (;;) {
    X = next_double(g);
    Y = next_double(g);
    W = d6 + d8 * (Y - 0.5) / X;
    if (W < 0.0 || W >= d11) continue;
    Z = (i64)floor(W);
    T = d10 - (loggam(Z + 1) + loggam(mingoodbad - Z + 1) + loggam(m - Z + 1) +
               loggam(maxgoodbad - m + Z + 1));
    if ((X * (4.0 - X) - 3.0) <= T) break;
    if (X * (X - T) >= 1) continue;
    if (2.0 * log(X) <= T) break;
  }
  if (good > bad) Z = m - Z;
  if (m < sample) Z = good - Z;
  return Z;
}

static i64 l_hypergeometric(G *g, i64 good, i64 bad, i64 sample) {
  if (sample > 10) return l_hrua(g, good, bad, sample);
  if (sample > 0) return l_hyp(g, good, bad, sample);
  return 0;
}

static i64 l_zipf(G *g, double a) {
  double am1 = a - 1.0, b = pow(2.0, am1);
  for (;;) {
    double U = 1.0 - next_double(g), V = next_double(g);
    double X = floor(pow(U, -1.0 / am1));
    if (X > (double)INT64_MAX || X < 1.0) continue;
    double T = pow(1.0 + 1.0 / X, am1);
    if (V * X * (T - 1.0) / (b - 1.0) <= T / b) return (i64)X;
  }
}

static i64 l_geometric(G *g, double p) {
  if (p >= 0.333333333333333333333333) return geometric_search(g, p);
  return (i64)ceil(log1p(-next_double(g)) / log(1 - p));
}

static i64 l_logseries(G *g, double p) {
  double r = log(1.0 - p);
  for (;;) {
    double V = next_double(g);
    if (V >= p) return 1;
    double U = next_double(g);
    double q = 1.0 - exp(r * U);
    if (V <= q * q) {
      i64 result = (i64)floor(1 + log(V) / log(q));
      if (result < 1 || V == 0.0) continue;
      return result;
    }
    if (V >= q) return 1;
    return 2;
  }
}

/* -------------------------------------------- Generator's hypergeometric */
static i64 hyp_sample(G *g, i64 good, i64 bad, i64 sample) {
  i64 total = good + bad, half = total / 2;
  i64 cs = sample > half ? total - sample : sample;
  i64 rt = total, rg = good;
  while (cs > 0 && rg > 0 && rt > rg) {
    rt--;
    if ((i64)interval(g, (u64)rt) < rg) rg--;
    cs--;
  }
  if (rt == rg) rg -= cs;
  return sample > half ? rg : good - rg;
}

static i64 hyp_hrua(G *g, i64 good, i64 bad, i64 sample) {
  const double D1 = 1.7155277699214135, D2 = 0.8989161620588988;
  i64 popsize = good + bad;
  i64 cs = sample < popsize - sample ? sample : popsize - sample;
  i64 mingb = good < bad ? good : bad, maxgb = good > bad ? good : bad;
  double p = (double)mingb / popsize, q = (double)maxgb / popsize;
  double mu = p * cs, a = mu + 0.5;
  double var = (double)(popsize - cs) * cs * p * q / (popsize - 1);
  double c = sqrt(var + 0.5), h = D1 * c + D2;
  i64 m = (i64)floor((double)(cs + 1) * (mingb + 1) / (popsize + 2));
  double gg = logfactorial(m) + logfactorial(mingb - m) + logfactorial(cs - m) +
              logfactorial(maxgb - cs + m);
  double b = fmin((double)((cs < mingb ? cs : mingb) + 1), floor(a + 16 * c));
  i64 k;
  for (;;) {
    double U = next_double(g), V = next_double(g);
    double X = a + h * (V - 0.5) / U;
    if (X < 0.0 || X >= b) continue;
    k = (i64)floor(X);
    double gp = logfactorial(k) + logfactorial(mingb - k) + logfactorial(cs - k) +
                logfactorial(maxgb - cs + k);
    double T = gg - gp;
    if ((U * (4.0 - U) - 3.0) <= T) break;
    if (U * (U - T) >= 1) continue;
    if (2.0 * log(U) <= T) break;
  }
  if (good > bad) k = cs - k;
  if (cs < sample) k = good - k;
  return k;
}

static i64 hypergeometric(G *g, i64 good, i64 bad, i64 sample) {
  if (sample >= 10 && sample <= good + bad - 10) return hyp_hrua(g, good, bad, sample);
  return hyp_sample(g, good, bad, sample);
}

/* ================================================================ exports */
#define BEGIN G g; g_load(&g, kind, st)
#define END g_store(&g, st)

void tnp_raw64(int kind, i64 *st, i64 n, u64 *out) {
  BEGIN; for (i64 i = 0; i < n; i++) out[i] = next64(&g); END;
}

void tnp_raw32(int kind, i64 *st, i64 n, i64 *out) {
  BEGIN; for (i64 i = 0; i < n; i++) out[i] = next32(&g); END;
}

/* dist ids of the parameterless float fills */
void tnp_fill_f64(int dist, int kind, i64 *st, i64 n, double *out, double *gs) {
  BEGIN;
  i64 i;
  switch (dist) {
  case 0: for (i = 0; i < n; i++) out[i] = next_double(&g); break;
  case 1: for (i = 0; i < n; i++) out[i] = std_normal(&g); break;
  case 2: for (i = 0; i < n; i++) out[i] = std_exp(&g); break;
  case 3: for (i = 0; i < n; i++) out[i] = -log1p(-next_double(&g)); break;
  case 4: for (i = 0; i < n; i++) out[i] = l_gauss(&g, gs); break;
  case 5: for (i = 0; i < n; i++) out[i] = l_std_exp(&g); break;
  case 6: for (i = 0; i < n; i++) { double a = std_normal(&g); out[i] = a / std_normal(&g); } break;
  case 7: for (i = 0; i < n; i++) { double a = l_gauss(&g, gs); out[i] = a / l_gauss(&g, gs); } break;
  }
  END;
}

void tnp_fill_f32(int dist, int kind, i64 *st, i64 n, float *out) {
  BEGIN;
  i64 i;
  switch (dist) {
  case 0: for (i = 0; i < n; i++) out[i] = next_float(&g); break;
  case 1: for (i = 0; i < n; i++) out[i] = std_normal_f(&g); break;
  case 2: for (i = 0; i < n; i++) out[i] = std_exp_f(&g); break;
  case 3: for (i = 0; i < n; i++) out[i] = (float)(-log1p(-next_float(&g))); break;
  }
  END;
}

void tnp_gamma_f32(int kind, i64 *st, i64 n, float *out, const float *k, i64 sk) {
  BEGIN; for (i64 i = 0; i < n; i++) out[i] = std_gamma_f(&g, k[i * sk]); END;
}

/* continuous distributions with up to three float64 parameters (stride 0: a scalar) */
void tnp_cont(int dist, int kind, i64 *st, i64 n, double *out, double *gs,
              const double *a, i64 sa, const double *b, i64 sb, const double *c, i64 sc) {
  BEGIN;
  i64 i;
#define A a[i * sa]
#define B b[i * sb]
#define C c[i * sc]
#define LOOP(expr) for (i = 0; i < n; i++) out[i] = (expr); break
  switch (dist) {
  /* Generator */
  case 0: LOOP(A + B * next_double(&g));                          /* uniform(low, range) */
  case 1: LOOP(A + B * std_normal(&g));                           /* normal */
  case 2: LOOP(A * std_exp(&g));                                  /* exponential */
  case 3: LOOP(std_gamma(&g, A));                                 /* standard_gamma */
  case 4: LOOP(B * std_gamma(&g, A));                             /* gamma */
  case 5: LOOP(beta_d(&g, A, B));
  case 6: LOOP(chisq(&g, A));
  case 7: for (i = 0; i < n; i++) { double x = chisq(&g, A) * B; out[i] = x / (chisq(&g, B) * A); } break;
  case 8: LOOP(noncentral_chisq(&g, A, B));
  case 9: for (i = 0; i < n; i++) { double t = noncentral_chisq(&g, A, C) * B; out[i] = t / (chisq(&g, B) * A); } break;
  case 10: for (i = 0; i < n; i++) { double num = std_normal(&g), den = std_gamma(&g, A / 2); out[i] = sqrt(A / 2) * num / sqrt(den); } break;
  case 11: LOOP(vonmises_d(&g, A, B, 0));
  case 12: LOOP(expm1(std_exp(&g) / A));                          /* pareto */
  case 13: for (i = 0; i < n; i++) { if (A == 0.0) out[i] = 0.0; else out[i] = pow(std_exp(&g), 1. / A); } break;
  case 14: LOOP(pow(-expm1(-std_exp(&g)), 1. / A));              /* power */
  case 15: LOOP(laplace_d(&g, A, B));
  case 16: LOOP(gumbel_d(&g, A, B));
  case 17: LOOP(logistic_d(&g, A, B));
  case 18: LOOP(exp(A + B * std_normal(&g)));                      /* lognormal */
  case 19: LOOP(A * sqrt(2.0 * std_exp(&g)));                     /* rayleigh */
  case 20: LOOP(wald_d(&g, A, B));
  case 21: LOOP(triangular_d(&g, A, B, C));
  /* RandomState */
  case 40: LOOP(A + B * l_gauss(&g, gs));                         /* legacy normal */
  case 41: LOOP(A * l_std_exp(&g));
  case 42: LOOP(l_std_gamma(&g, gs, A));
  case 43: LOOP(B * l_std_gamma(&g, gs, A));
  case 44: LOOP(l_beta(&g, gs, A, B));
  case 45: LOOP(l_chisq(&g, gs, A));
  case 46: for (i = 0; i < n; i++) { double x = l_chisq(&g, gs, A) * B; out[i] = x / (l_chisq(&g, gs, B) * A); } break;
  case 47: LOOP(l_noncentral_chisq(&g, gs, A, B));
  case 48: for (i = 0; i < n; i++) { double t = l_noncentral_chisq(&g, gs, A, C) * B; out[i] = t / (l_chisq(&g, gs, B) * A); } break;
  case 49: for (i = 0; i < n; i++) { double num = l_gauss(&g, gs), den = l_std_gamma(&g, gs, A / 2); out[i] = sqrt(A / 2) * num / sqrt(den); } break;
  case 50: LOOP(vonmises_d(&g, A, B, 1));
  case 51: LOOP(exp(l_std_exp(&g) / A) - 1);                      /* legacy pareto */
  case 52: for (i = 0; i < n; i++) { if (A == 0.0) out[i] = 0.0; else out[i] = pow(l_std_exp(&g), 1. / A); } break;
  case 53: LOOP(pow(1 - exp(-l_std_exp(&g)), 1. / A));
  case 54: LOOP(exp(A + B * l_gauss(&g, gs)));
  case 55: LOOP(A * sqrt(-2.0 * log1p(-next_double(&g))));        /* legacy rayleigh */
  case 56: LOOP(l_wald(&g, gs, A, B));
  }
#undef LOOP
  END;
}

/* integer-valued distributions: float64 parameters a, b; int64 parameters x, y, z */
void tnp_disc(int dist, int kind, i64 *st, i64 n, i64 *out, double *gs,
              const double *a, i64 sa, const double *b, i64 sb,
              const i64 *x, i64 sx, const i64 *y, i64 sy, const i64 *z, i64 sz) {
  BEGIN;
  i64 i;
  binom_t bs;
  bs.has = 0;
#define X x[i * sx]
#define Y y[i * sy]
#define Z z[i * sz]
#define LOOP(expr) for (i = 0; i < n; i++) out[i] = (expr); break
  switch (dist) {
  case 0: LOOP(poisson(&g, A));
  case 1: LOOP(binomial(&g, A, X, &bs, 0));
  case 2: for (i = 0; i < n; i++) { double yy = B * std_gamma(&g, A); out[i] = poisson(&g, yy); } break;  /* negative_binomial(n, (1-p)/p) */
  case 3: LOOP(geometric(&g, A));
  case 4: LOOP(zipf_d(&g, A));
  case 5: LOOP(logseries(&g, A));
  case 6: LOOP(hypergeometric(&g, X, Y, Z));
  case 40: LOOP(binomial(&g, A, X, &bs, 1));
  case 41: for (i = 0; i < n; i++) { double yy = B * l_std_gamma(&g, gs, A); out[i] = poisson(&g, yy); } break;
  case 42: LOOP(l_geometric(&g, A));
  case 43: LOOP(l_zipf(&g, A));
  case 44: LOOP(l_logseries(&g, A));
  case 45: LOOP(l_hypergeometric(&g, X, Y, Z));
  }
#undef LOOP
  END;
}

/* bounded integers: NumPy's random_bounded_<type>_fill (bits 64, 32, 16, 8, 1) */
void tnp_bounded(int kind, i64 *st, i64 n, void *out, int bits, u64 off, u64 rng, int masked) {
  BEGIN;
  i64 i;
  if (bits == 64) {
    u64 *o = (u64 *)out;
    if (rng == 0) { for (i = 0; i < n; i++) o[i] = off; }
    else if (rng == 0xFFFFFFFFULL) { for (i = 0; i < n; i++) o[i] = off + next32(&g); }
    else if (rng < 0xFFFFFFFFULL) {
      u32 mask = (u32)gen_mask(rng);
      if (masked) for (i = 0; i < n; i++) o[i] = off + masked32(&g, (u32)rng, mask);
      else for (i = 0; i < n; i++) o[i] = off + lemire32(&g, (u32)rng);
    } else if (rng == UINT64_MAX) { for (i = 0; i < n; i++) o[i] = off + next64(&g); }
    else {
      u64 mask = gen_mask(rng);
      if (masked) for (i = 0; i < n; i++) o[i] = off + masked64(&g, rng, mask);
      else for (i = 0; i < n; i++) o[i] = off + lemire64(&g, rng);
    }
  } else if (bits == 32) {
    u32 *o = (u32 *)out, r = (u32)rng, f = (u32)off, mask = (u32)gen_mask(rng);
    if (r == 0) { for (i = 0; i < n; i++) o[i] = f; }
    else if (r == 0xFFFFFFFFU) { for (i = 0; i < n; i++) o[i] = f + next32(&g); }
    else if (masked) { for (i = 0; i < n; i++) o[i] = f + masked32(&g, r, mask); }
    else { for (i = 0; i < n; i++) o[i] = f + lemire32(&g, r); }
  } else if (bits == 16 || bits == 8) {
    bbuf bb = {0, 0};
    u32 r = (u32)rng, f = (u32)off;
    if (bits == 16) { uint16_t *o = (uint16_t *)out; for (i = 0; i < n; i++) o[i] = (uint16_t)bounded_small(&g, f, r, 16, masked, &bb); }
    else { uint8_t *o = (uint8_t *)out; for (i = 0; i < n; i++) o[i] = (uint8_t)bounded_small(&g, f, r, 8, masked, &bb); }
  } else {
    bbuf bb = {0, 0};
    uint8_t *o = (uint8_t *)out;
    for (i = 0; i < n; i++) o[i] = rng == 0 ? (uint8_t)off : (uint8_t)(chunk(&g, &bb, 1) != 0);
  }
  END;
}

/* broadcast bounds: per element, NumPy's _rand_<type>_broadcast loops (one shared buffer
   for 8/16-bit and bool; 64-bit types through random_bounded_uint64) */
void tnp_bounded_b(int kind, i64 *st, i64 n, u64 *out, int bits, const u64 *off, const u64 *rng,
                   int masked) {
  BEGIN;
  bbuf bb = {0, 0};
  for (i64 i = 0; i < n; i++) {
    u64 r = rng[i], f = off[i];
    if (bits == 64) out[i] = bounded64(&g, f, r, masked);
    else if (bits == 32) {
      if (r == 0) out[i] = f;
      else if (r == 0xFFFFFFFFULL) out[i] = (u32)(f + next32(&g));
      else if (masked) out[i] = (u32)(f + masked32(&g, (u32)r, (u32)gen_mask(r)));
      else out[i] = (u32)(f + lemire32(&g, (u32)r));
    } else if (bits == 1) {
      out[i] = r == 0 ? f : (chunk(&g, &bb, 1) != 0);
    } else {
      u32 v = bounded_small(&g, (u32)f, (u32)r, bits, masked, &bb);
      out[i] = bits == 8 ? (v & 0xFF) : (v & 0xFFFF);
    }
  }
  END;
}

/* Fisher-Yates on data (int64): for i = n-1 down to first, j = random_interval(i)
   (mode 0) or random_bounded_uint64(0, i, Lemire) (mode 1) */
void tnp_shuffle(int kind, i64 *st, i64 n, i64 first, i64 *data, int mode) {
  BEGIN;
  if (first < 0) first = 0;   /* j = interval(i) <= i: in bounds for every i >= 0 */
  for (i64 i = n - 1; i >= first; i--) {
    i64 j = mode ? (i64)bounded64(&g, 0, (u64)i, 0) : (i64)interval(&g, (u64)i);
    i64 t = data[j]; data[j] = data[i]; data[i] = t;
  }
  END;
}

/* Generator.choice(replace=False) by Floyd's algorithm with NumPy's hash set */
void tnp_floyd(int kind, i64 *st, i64 pop, i64 size, i64 *out, u64 *set, u64 mask) {
  if (pop < 0 || size < 0 || size > pop) return;   /* the caller checks; never loop wild */
  BEGIN;
  for (i64 j = pop - size; j < pop; j++) {
    u64 val = bounded64(&g, 0, (u64)j, 0);
    u64 loc = val & mask;
    while (set[loc] != UINT64_MAX && set[loc] != val) loc = (loc + 1) & mask;
    if (set[loc] == UINT64_MAX) {
      set[loc] = val;
      out[j - pop + size] = (i64)val;
    } else {
      loc = (u64)j & mask;
      while (set[loc] != UINT64_MAX) loc = (loc + 1) & mask;
      set[loc] = (u64)j;
      out[j - pop + size] = j;
    }
  }
  END;
}

/* multinomial rows: out (rows x d), n per row (stride sn), pvals per row (stride sp) */
void tnp_multinomial(int kind, i64 *st, i64 rows, i64 d, i64 *out, const i64 *nn, i64 sn,
                     const double *pix, i64 sp, int legacy) {
  BEGIN;
  binom_t bs;
  bs.has = 0;
  for (i64 r = 0; r < rows; r++) {
    i64 *mnix = out + r * d;
    const double *p = pix + r * sp;
    double remaining = 1.0;
    i64 dn = nn[r * sn];
    for (i64 j = 0; j < d; j++) mnix[j] = 0;
    for (i64 j = 0; j < d - 1; j++) {
      mnix[j] = binomial(&g, p[j] / remaining, dn, &bs, legacy);
      dn = dn - mnix[j];
      if (dn <= 0) break;
      remaining -= p[j];
    }
    if (dn > 0) mnix[d - 1] = dn;
  }
  END;
}

/* multivariate hypergeometric, method 'marginals' */
void tnp_mvhg_marginals(int kind, i64 *st, i64 total, i64 ncolors, const i64 *colors,
                        i64 nsample, i64 nvar, i64 *variates) {
  BEGIN;
  if (total != 0 && nsample != 0 && nvar != 0) {
    int more = nsample > total / 2;
    i64 ns = more ? total - nsample : nsample;
    for (i64 i = 0; i < nvar * ncolors; i += ncolors) {
      i64 left = ns, rem = total, j;
      for (j = 0; left > 0 && j + 1 < ncolors; j++) {
        rem -= colors[j];
        i64 r = hypergeometric(&g, colors[j], rem, left);
        variates[i + j] = r;
        left -= r;
      }
      if (left > 0) variates[i + ncolors - 1] = left;
      if (more) for (j = 0; j < ncolors; j++) variates[i + j] = colors[j] - variates[i + j];
    }
  }
  END;
}

/* multivariate hypergeometric, method 'count' (choices: total int64 work space) */
void tnp_mvhg_count(int kind, i64 *st, i64 total, i64 ncolors, const i64 *colors,
                    i64 nsample, i64 nvar, i64 *variates, i64 *choices) {
  BEGIN;
  if (total != 0 && nsample != 0 && nvar != 0) {
    i64 k = 0;
    for (i64 i = 0; i < ncolors; i++)
      for (i64 j = 0; j < colors[i]; j++) choices[k++] = i;
    int more = nsample > total / 2;
    i64 ns = more ? total - nsample : nsample;
    for (i64 i = 0; i < nvar * ncolors; i += ncolors) {
      for (i64 j = 0; j < ns; j++) {
        i64 kk = j + (i64)interval(&g, (u64)(total - j - 1));
        i64 t = choices[kk]; choices[kk] = choices[j]; choices[j] = t;
      }
      for (i64 j = 0; j < ns; j++) variates[i + choices[j]] += 1;
      if (more) for (i64 c = 0; c < ncolors; c++) variates[i + c] = colors[c] - variates[i + c];
    }
  }
  END;
}
"""
