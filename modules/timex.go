package modules

import (
	"math"
	"time"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeTimeFull is the time module: the VM's clocks (makeTime) plus calendar time:
// struct_time, gmtime, localtime, mktime, strftime, asctime, ctime, strptime (through
// _strptime, as CPython) and the time-zone attributes, from Go's time.Local.
func makeTimeFull(t *vm.Thread) (*vm.Module, error) {
	m, err := makeTime(t)
	if err != nil {
		return nil, err
	}
	fn(m, "_breakdown", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
		secs, err := t.ToFloat(a[0])
		if err != nil {
			return nil, err
		}
		if math.IsNaN(secs) || math.IsInf(secs, 0) {
			return nil, vm.ValueError("Invalid value NaN (not a number)")
		}
		utc, _ := t.IsTrue(a[1])
		sec := math.Floor(secs)
		tm := time.Unix(int64(sec), 0)
		if utc {
			tm = tm.UTC()
		} else {
			tm = tm.In(time.Local)
		}
		zone, off := tm.Zone()
		isdst := 0
		if !utc && tm.IsDST() {
			isdst = 1
		}
		wd := (int(tm.Weekday()) + 6) % 7
		return NewTuple([]Object{NewInt(int64(tm.Year())), NewInt(int64(tm.Month())), NewInt(int64(tm.Day())),
			NewInt(int64(tm.Hour())), NewInt(int64(tm.Minute())), NewInt(int64(tm.Second())),
			NewInt(int64(wd)), NewInt(int64(tm.YearDay())), NewInt(int64(isdst)), NewStr(zone), NewInt(int64(off))}), nil
	})
	fn(m, "_mktime", 6, 6, func(t *vm.Thread, a []Object) (Object, error) {
		var v [6]int64
		for i := range v {
			x, err := intArg(t, a[i])
			if err != nil {
				return nil, err
			}
			v[i] = x
		}
		tm := time.Date(int(v[0]), time.Month(v[1]), int(v[2]), int(v[3]), int(v[4]), int(v[5]), 0, time.Local)
		return NewFloat(float64(tm.Unix())), nil
	})
	jan := time.Date(time.Now().Year(), 1, 1, 0, 0, 0, 0, time.Local)
	jul := time.Date(time.Now().Year(), 7, 1, 0, 0, 0, 0, time.Local)
	jz, joff := jan.Zone()
	uz, uoff := jul.Zone()
	std, stdOff, dst, dstOff := jz, joff, uz, uoff
	if jan.IsDST() {
		std, stdOff, dst, dstOff = uz, uoff, jz, joff
	}
	m.Set("timezone", NewInt(int64(-stdOff)))
	m.Set("altzone", NewInt(int64(-dstOff)))
	m.Set("daylight", NewInt(map[bool]int64{true: 1, false: 0}[stdOff != dstOff]))
	m.Set("tzname", NewTuple([]Object{NewStr(std), NewStr(dst)}))
	if t.Interp().Compile == nil {
		return m, nil // no compiler (embedded use): the clocks only
	}
	co, err := t.Interp().Compile([]byte(timeSrc), "<gopyc time>", "exec", 0)
	if err != nil {
		return nil, err
	}
	if _, err := t.RunCode(co, m.Dict, m.Dict); err != nil {
		return nil, err
	}
	builtinFuncs(m)
	return m, nil
}

const timeSrc = `
_STRUCT_TM_ITEMS = 11


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
               'tm_yday', 'tm_isdst')

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if not 9 <= len(seq) <= 11:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % len(seq))
        self = tuple.__new__(cls, seq[:9])
        extra = list(seq[9:]) + [None] * (11 - len(seq))
        object.__setattr__(self, '_gopyc_extra', extra)
        return self

    def __getattr__(self, name):
        try:
            return self[struct_time._fields.index(name)]
        except ValueError:
            pass
        extra = object.__getattribute__(self, '_gopyc_extra')
        if name == 'tm_zone':
            return extra[0]
        if name == 'tm_gmtoff':
            return extra[1]
        raise AttributeError("'time.struct_time' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join('%s=%r' % (f, v) for f, v in zip(self._fields, self))

    def __reduce__(self):
        return (struct_time, (tuple(self), None))

struct_time.__module__ = 'time'


def _now_or(secs):
    return time() if secs is None else secs


def gmtime(secs=None):
    r = _breakdown(_now_or(secs), True)
    return struct_time(r[:9] + ('GMT', 0))


def localtime(secs=None):
    return struct_time(_breakdown(_now_or(secs), False))


def _tuple(t):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('function takes exactly 9 arguments (%d given)' % len(t))
    return t


def mktime(t):
    t = _tuple(t)
    return _mktime(t[0], t[1], t[2], t[3], t[4], t[5])


_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December')


def asctime(t=None):
    t = _tuple(t)
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6]][:3], _MONTHS[t[1] - 1][:3], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strftime(format, t=None):
    t = _tuple(t)
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    y, mo, d, h, mi, s, wd, yd, dst = t[:9]
    if not 1 <= mo <= 12 and mo != 0:
        raise ValueError('month out of range')
    mo = mo or 1
    d = d or 1
    yd = yd or 1
    zone = getattr(t, 'tm_zone', None)
    off = getattr(t, 'tm_gmtoff', None)
    if zone is None:
        zone = tzname[1 if dst > 0 else 0]
    if off is None:
        off = -(altzone if dst > 0 else timezone)
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        if f == 'a': out.append(_DAYS[wd][:3])
        elif f == 'A': out.append(_DAYS[wd])
        elif f == 'b' or f == 'h': out.append(_MONTHS[mo - 1][:3])
        elif f == 'B': out.append(_MONTHS[mo - 1])
        elif f == 'c': out.append(strftime('%a %b %e %H:%M:%S %Y', t))
        elif f == 'd': out.append('%02d' % d)
        elif f == 'e': out.append('%2d' % d)
        elif f == 'H': out.append('%02d' % h)
        elif f == 'I': out.append('%02d' % ((h % 12) or 12))
        elif f == 'j': out.append('%03d' % yd)
        elif f == 'm': out.append('%02d' % mo)
        elif f == 'M': out.append('%02d' % mi)
        elif f == 'p': out.append('AM' if h < 12 else 'PM')
        elif f == 'S': out.append('%02d' % s)
        elif f == 'U': out.append('%02d' % ((yd + 6 - (wd + 1) % 7) // 7))
        elif f == 'W': out.append('%02d' % ((yd + 6 - wd) // 7))
        elif f == 'w': out.append('%d' % ((wd + 1) % 7))
        elif f == 'u': out.append('%d' % (wd + 1))
        elif f == 'x': out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif f == 'X': out.append('%02d:%02d:%02d' % (h, mi, s))
        elif f == 'D': out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif f == 'T': out.append('%02d:%02d:%02d' % (h, mi, s))
        elif f == 'R': out.append('%02d:%02d' % (h, mi))
        elif f == 'F': out.append('%d-%02d-%02d' % (y, mo, d))
        elif f == 'y': out.append('%02d' % (y % 100))
        elif f == 'Y': out.append('%d' % y)
        elif f == 'C': out.append('%02d' % (y // 100))
        elif f == 'G': out.append('%d' % _isoyear(y, mo, d))
        elif f == 'V': out.append('%02d' % _isoweek(y, mo, d))
        elif f == 'Z': out.append(zone or '')
        elif f == 'z':
            sign = '+' if off >= 0 else '-'
            off2 = abs(off)
            out.append('%s%02d%02d' % (sign, off2 // 3600, off2 // 60 % 60))
        elif f == 'n': out.append('\n')
        elif f == 't': out.append('\t')
        elif f == '%': out.append('%')
        else: out.append('%' + f)
    return ''.join(out)


def _isocal(y, mo, d):
    import datetime
    return datetime.date(y, mo, d).isocalendar()


def _isoyear(y, mo, d):
    return _isocal(y, mo, d)[0]


def _isoweek(y, mo, d):
    return _isocal(y, mo, d)[1]


def strptime(string, format='%a %b %d %H:%M:%S %Y'):
    import _strptime
    return _strptime._strptime_time(string, format)


def thread_time():
    return process_time()


def thread_time_ns():
    return int(process_time() * 1e9)


def process_time_ns():
    return int(process_time() * 1e9)


class _ClockInfo:
    def __init__(self, implementation, monotonic, adjustable, resolution):
        self.implementation = implementation
        self.monotonic = monotonic
        self.adjustable = adjustable
        self.resolution = resolution

    def __repr__(self):
        return 'namespace(implementation=%r, monotonic=%r, adjustable=%r, resolution=%r)' % (
            self.implementation, self.monotonic, self.adjustable, self.resolution)


def get_clock_info(name):
    if name == 'time':
        return _ClockInfo('clock_gettime(CLOCK_REALTIME)', False, True, 1e-09)
    if name in ('monotonic', 'perf_counter'):
        return _ClockInfo('clock_gettime(CLOCK_MONOTONIC)', True, False, 1e-09)
    if name in ('process_time', 'thread_time'):
        return _ClockInfo('clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', True, False, 1e-09)
    raise ValueError('unknown clock')
`
