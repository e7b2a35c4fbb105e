/*
 * ddsup: a small FastCGI supervisor for DutyDesk (C11, libc only).
 *
 *   ddsup -d SOCKDIR -p PIDFILE -l LOGFILE -n WORKERS [-u USER] [-f] PROGRAM[:N]...
 *
 * For each PROGRAM it binds a listening unix socket SOCKDIR/<basename>.sock and forks WORKERS
 * children (N when the path ends in :N) with that socket on fd 0 (the FastCGI convention:
 * FCGX_Accept reads fd 0), stdout and stderr on LOGFILE, the environment inherited
 * (DUTYDESK_CONF). A child that exits is restarted; a program that exits more than BURST_MAX
 * times in BURST_WINDOW seconds is restarted only after BACKOFF_MS, so a broken binary does
 * not spin.
 *
 * Signals: SIGTERM/SIGINT stop everything (SIGTERM to the children, SIGKILL after 5 s, sockets
 * and pid file removed, exit 0). SIGHUP restarts every worker (after a rebuild): the listening
 * sockets stay open in ddsup, so requests arriving meanwhile wait in the backlog.
 * SIGCHLD, like the others, only writes a byte to a self-pipe; all work happens in the main loop.
 *
 * As root with -u USER, sockets are chowned to USER (mode 0600, nginx workers run as USER) and
 * workers drop to USER (setgid, initgroups, setuid) before exec.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BURST_MAX 5        /* more exits than this ...               */
#define BURST_WINDOW_MS 10000 /* ... within this window ...          */
#define BACKOFF_MS 1000    /* ... delays the next restart this long */
#define STOP_GRACE_MS 5000 /* SIGTERM -> SIGKILL on shutdown         */
#define LISTEN_BACKLOG 1024

/* One supervised program. path is owned by the prog (malloc'd in prog_init, freed
 * by sup_free() at exit). */
struct prog {
	char *path;     /* absolute path from realpath() */
	char *name;     /* basename, points into path */
	int nworkers;   /* -n, or the :N after the program's path */
	char sock[sizeof(((struct sockaddr_un *)0)->sun_path)];
	int lfd;        /* listening socket, close-on-exec */
	long long exits[BURST_MAX + 1]; /* ring of recent exit times (ms) */
	int nexit;      /* next ring index */
};

enum wstate { W_IDLE, W_RUNNING, W_PENDING };

/* One worker slot; slots are fixed: prog index and count never change. */
struct worker {
	int prog;
	enum wstate state;
	pid_t pid;
	long long start_at;   /* W_PENDING: when to start (ms, monotonic) */
	bool hup;             /* killed by us for SIGHUP: restart at once, not a crash */
};

/* Everything the main loop needs; one instance, on main()'s stack. */
struct sup {
	const char *sockdir, *pidfile, *logfile, *user;
	int nworkers;         /* -n: workers of a program without :N */
	bool foreground;
	uid_t uid;
	gid_t gid;
	bool drop;            /* root with -u: chown sockets, drop privileges in workers */
	struct prog *progs;   /* owned, nprogs entries */
	int nprogs;
	struct worker *ws;    /* owned, one entry per worker of every program */
	int nws;
	int logfd;
	bool pidfile_written;
};

/* The only global mutable state: the self-pipe the signal handlers write to. */
static int sigpipe_fd[2] = { -1, -1 };

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Writes one timestamped line to stderr (which is the log file once started). */
static void logmsg(const char *fmt, ...)
{
	char buf[1024];
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	size_t n = strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S ddsup: ", &tm);
	va_list ap;
	va_start(ap, fmt);
	int m = vsnprintf(buf + n, sizeof buf - n - 1, fmt, ap);
	va_end(ap);
	if (m < 0)
		return;
	n += (size_t)m < sizeof buf - n - 1 ? (size_t)m : sizeof buf - n - 2;
	buf[n++] = '\n';
	ssize_t w = write(STDERR_FILENO, buf, n);
	(void)w;
}

static void on_signal(int sig)
{
	int saved = errno;
	unsigned char c = (unsigned char)sig;
	ssize_t w = write(sigpipe_fd[1], &c, 1); /* pipe full: a wake-up is pending anyway */
	(void)w;
	errno = saved;
}

static int set_cloexec_nonblock(int fd, bool nonblock)
{
	int fl = fcntl(fd, F_GETFD);
	if (fl < 0 || fcntl(fd, F_SETFD, fl | FD_CLOEXEC) < 0)
		return -1;
	if (nonblock) {
		fl = fcntl(fd, F_GETFL);
		if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
			return -1;
	}
	return 0;
}

static int signals_install(void)
{
	if (pipe(sigpipe_fd) < 0 || set_cloexec_nonblock(sigpipe_fd[0], true) < 0 ||
	    set_cloexec_nonblock(sigpipe_fd[1], true) < 0)
		return -1;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGCHLD };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], &sa, NULL) < 0)
			return -1;
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	return sigaction(SIGPIPE, &sa, NULL);
}

static void usage(void)
{
	fprintf(stderr, "usage: ddsup -d SOCKDIR -p PIDFILE -l LOGFILE -n WORKERS [-u USER] [-f] "
	                "PROGRAM[:N]...\n");
	exit(2);
}

/* Returns the live pid recorded in pidfile, or 0. */
static pid_t pidfile_alive(const char *pidfile)
{
	FILE *f = fopen(pidfile, "r");
	if (!f)
		return 0;
	long pid = 0;
	if (fscanf(f, "%ld", &pid) != 1)
		pid = 0;
	fclose(f);
	if (pid > 0 && pid != getpid() && kill((pid_t)pid, 0) == 0)
		return (pid_t)pid;
	return 0;
}

static int pidfile_write(const char *pidfile)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.tmp", pidfile) >= (int)sizeof tmp)
		return -1;
	FILE *f = fopen(tmp, "w");
	if (!f)
		return -1;
	fprintf(f, "%ld\n", (long)getpid());
	if (fclose(f) != 0 || rename(tmp, pidfile) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Fills p from a program argument, PATH or PATH:N (N workers instead of -n's count; a ':'
 * followed by a '/' is part of the path); p->path is malloc'd here and owned by p. */
static int prog_init(struct sup *s, struct prog *p, const char *arg)
{
	char file[PATH_MAX];
	const char *colon = strrchr(arg, ':');
	size_t len;

	if (colon && strchr(colon, '/'))
		colon = NULL;
	len = colon ? (size_t)(colon - arg) : strlen(arg);

	memset(p, 0, sizeof *p);
	p->lfd = -1;
	p->nworkers = s->nworkers;
	if (colon) {
		char *end;
		long n = strtol(colon + 1, &end, 10);
		if (colon[1] == '\0' || *end || n < 1 || n > 256) {
			fprintf(stderr, "ddsup: %s: the count after ':' must be 1 to 256\n", arg);
			return -1;
		}
		p->nworkers = (int)n;
	}
	if (len >= sizeof file) {
		fprintf(stderr, "ddsup: %s: path too long\n", arg);
		return -1;
	}
	memcpy(file, arg, len);
	file[len] = '\0';
	p->path = realpath(file, NULL);
	if (!p->path || access(p->path, X_OK) != 0) {
		fprintf(stderr, "ddsup: %s: not an executable program\n", file);
		return -1;
	}
	char *slash = strrchr(p->path, '/');
	p->name = slash ? slash + 1 : p->path;
	int n = snprintf(p->sock, sizeof p->sock, "%s/%s.sock", s->sockdir, p->name);
	if (n < 0 || (size_t)n >= sizeof p->sock) {
		fprintf(stderr, "ddsup: socket path too long for %s in %s\n", p->name, s->sockdir);
		return -1;
	}
	for (int i = 0; i < BURST_MAX + 1; i++)
		p->exits[i] = -BURST_WINDOW_MS - 1;
	return 0;
}

static int prog_listen(struct sup *s, struct prog *p)
{
	struct sockaddr_un sa;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, p->sock, strlen(p->sock) + 1);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	unlink(p->sock); /* a stale socket from a previous run */
	/* Bind with a umask that leaves the socket private until it has its owner. */
	mode_t old = umask(0177);
	int rc = bind(fd, (struct sockaddr *)&sa, sizeof sa);
	umask(old);
	if (rc < 0 || listen(fd, LISTEN_BACKLOG) < 0 || set_cloexec_nonblock(fd, false) < 0)
		goto fail;
	if (s->drop && chown(p->sock, s->uid, s->gid) < 0)
		goto fail;
	if (chmod(p->sock, 0600) < 0)
		goto fail;
	p->lfd = fd;
	return 0;
fail:
	fprintf(stderr, "ddsup: %s: %s\n", p->sock, strerror(errno));
	close(fd);
	return -1;
}

/* In the child after fork: set up fds, signals, privileges and exec. Never returns. */
static void worker_exec(struct sup *s, struct prog *p)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGCHLD, SIGPIPE };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	if (dup2(p->lfd, STDIN_FILENO) < 0 || dup2(s->logfd, STDOUT_FILENO) < 0 ||
	    dup2(s->logfd, STDERR_FILENO) < 0)
		_exit(126);
	if (s->drop && (setgid(s->gid) < 0 || initgroups(s->user, s->gid) < 0 ||
	                setuid(s->uid) < 0)) {
		logmsg("%s: cannot drop privileges to %s: %s", p->name, s->user, strerror(errno));
		_exit(126);
	}
	char *argv[] = { p->path, NULL };
	execv(p->path, argv);
	logmsg("%s: exec failed: %s", p->path, strerror(errno));
	_exit(127);
}

static void worker_start(struct sup *s, struct worker *w)
{
	struct prog *p = &s->progs[w->prog];
	pid_t pid = fork();
	if (pid < 0) {
		logmsg("%s: fork failed: %s; retrying in %d ms", p->name, strerror(errno), BACKOFF_MS);
		w->state = W_PENDING;
		w->start_at = now_ms() + BACKOFF_MS;
		return;
	}
	if (pid == 0)
		worker_exec(s, p);
	w->pid = pid;
	w->state = W_RUNNING;
	w->hup = false;
}

/* A worker exited: log it and schedule its restart, with back-off when it crashes in bursts. */
static void worker_exited(struct sup *s, struct worker *w, int status)
{
	struct prog *p = &s->progs[w->prog];
	char how[64];
	if (WIFSIGNALED(status))
		snprintf(how, sizeof how, "killed by signal %d", WTERMSIG(status));
	else
		snprintf(how, sizeof how, "exit status %d", WEXITSTATUS(status));
	long long now = now_ms();
	long long delay = 0;
	if (w->hup) {
		logmsg("%s: worker %ld stopped for reload (%s), restarting", p->name, (long)w->pid, how);
	} else {
		p->exits[p->nexit] = now;
		p->nexit = (p->nexit + 1) % (BURST_MAX + 1);
		/* The oldest of the last BURST_MAX+1 exits is within the window: too many. */
		if (now - p->exits[p->nexit] < BURST_WINDOW_MS)
			delay = BACKOFF_MS;
		logmsg("%s: worker %ld %s, restarting%s", p->name, (long)w->pid, how,
		       delay ? " in 1 s (crashing repeatedly)" : "");
	}
	w->pid = 0;
	w->state = W_PENDING;
	w->start_at = now + delay;
}

static void reap(struct sup *s, bool restart)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (int i = 0; i < s->nws; i++) {
			struct worker *w = &s->ws[i];
			if (w->state != W_RUNNING || w->pid != pid)
				continue;
			if (restart) {
				worker_exited(s, w, status);
			} else {
				w->state = W_IDLE;
				w->pid = 0;
			}
			break;
		}
	}
}

/* Starts due pending workers; returns the poll timeout until the next one (-1: none). */
static int start_due(struct sup *s)
{
	long long now = now_ms(), next = -1;
	for (int i = 0; i < s->nws; i++) {
		struct worker *w = &s->ws[i];
		if (w->state != W_PENDING)
			continue;
		if (w->start_at <= now)
			worker_start(s, w);
		if (w->state == W_PENDING && (next < 0 || w->start_at < next))
			next = w->start_at;
	}
	if (next < 0)
		return -1;
	return next - now > INT_MAX ? INT_MAX : (int)(next - now < 0 ? 0 : next - now);
}

static void reload(struct sup *s)
{
	logmsg("SIGHUP: restarting all workers");
	for (int i = 0; i < s->nws; i++) {
		struct worker *w = &s->ws[i];
		if (w->state == W_RUNNING) {
			w->hup = true;
			kill(w->pid, SIGTERM);
		} else if (w->state == W_PENDING) {
			w->start_at = 0; /* a reload also ends any back-off */
		}
	}
}

static int running_count(struct sup *s)
{
	int n = 0;
	for (int i = 0; i < s->nws; i++)
		n += s->ws[i].state == W_RUNNING;
	return n;
}

/* SIGTERM all workers, wait up to STOP_GRACE_MS, SIGKILL the rest, reap them all. */
static void stop_all(struct sup *s)
{
	for (int i = 0; i < s->nws; i++) {
		if (s->ws[i].state == W_RUNNING)
			kill(s->ws[i].pid, SIGTERM);
		else
			s->ws[i].state = W_IDLE;
	}
	long long deadline = now_ms() + STOP_GRACE_MS;
	while (running_count(s) > 0) {
		long long left = deadline - now_ms();
		if (left <= 0)
			break;
		struct pollfd pfd = { .fd = sigpipe_fd[0], .events = POLLIN };
		if (poll(&pfd, 1, (int)left) > 0) {
			unsigned char buf[64];
			while (read(sigpipe_fd[0], buf, sizeof buf) > 0)
				;
		}
		reap(s, false);
	}
	for (int i = 0; i < s->nws; i++) {
		struct worker *w = &s->ws[i];
		if (w->state != W_RUNNING)
			continue;
		logmsg("%s: worker %ld did not stop in time, killing", s->progs[w->prog].name,
		       (long)w->pid);
		kill(w->pid, SIGKILL);
		waitpid(w->pid, NULL, 0);
		w->state = W_IDLE;
	}
}

static void cleanup(struct sup *s)
{
	for (int i = 0; i < s->nprogs; i++) {
		if (s->progs[i].lfd >= 0) {
			close(s->progs[i].lfd);
			unlink(s->progs[i].sock);
		}
	}
	if (s->pidfile_written)
		unlink(s->pidfile);
}

/* Frees what main() allocated into s (the progs' paths, the tables). */
static void sup_free(struct sup *s)
{
	for (int i = 0; i < s->nprogs; i++)
		free(s->progs[i].path);
	free(s->progs);
	free(s->ws);
	s->progs = NULL;
	s->ws = NULL;
}

/* Forks into the background; the parent exits 0 once the child has written its pid file
 * (exit 1 if it failed), so the caller can rely on the pid file when ddsup returns. */
static int daemonize(struct sup *s)
{
	int ready[2];
	if (pipe(ready) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		close(ready[1]);
		char c = 0;
		ssize_t n = read(ready[0], &c, 1);
		_exit(n == 1 && c == 'y' ? 0 : 1);
	}
	close(ready[0]);
	setsid();
	int nul = open("/dev/null", O_RDONLY);
	if (nul >= 0) {
		dup2(nul, STDIN_FILENO);
		if (nul != STDIN_FILENO)
			close(nul);
	}
	int ok = pidfile_write(s->pidfile) == 0;
	if (ok)
		s->pidfile_written = true;
	else
		fprintf(stderr, "ddsup: cannot write %s: %s\n", s->pidfile, strerror(errno));
	if (ok) { /* from here on, errors go to the log */
		dup2(s->logfd, STDOUT_FILENO);
		dup2(s->logfd, STDERR_FILENO);
	}
	ssize_t w = write(ready[1], ok ? "y" : "n", 1);
	(void)w;
	close(ready[1]);
	return ok ? 0 : -1;
}

static int parse_args(struct sup *s, int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "d:p:l:n:u:fh")) != -1) {
		switch (c) {
		case 'd': s->sockdir = optarg; break;
		case 'p': s->pidfile = optarg; break;
		case 'l': s->logfile = optarg; break;
		case 'u': s->user = optarg; break;
		case 'f': s->foreground = true; break;
		case 'n': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 256)
				usage();
			s->nworkers = (int)n;
			break;
		}
		default: usage();
		}
	}
	if (!s->sockdir || !s->pidfile || !s->logfile || !s->nworkers || optind >= argc)
		usage();
	return optind;
}

int main(int argc, char **argv)
{
	struct sup s;
	memset(&s, 0, sizeof s);
	s.logfd = -1;
	int first = parse_args(&s, argc, argv);

	pid_t other = pidfile_alive(s.pidfile);
	if (other) {
		fprintf(stderr, "ddsup: already running (pid %ld)\n", (long)other);
		return 1;
	}
	if (s.user && geteuid() == 0) {
		struct passwd *pw = getpwnam(s.user);
		if (!pw) {
			fprintf(stderr, "ddsup: unknown user %s\n", s.user);
			return 1;
		}
		s.uid = pw->pw_uid;
		s.gid = pw->pw_gid;
		s.drop = true;
	}
	s.logfd = open(s.logfile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (s.logfd < 0) {
		fprintf(stderr, "ddsup: %s: %s\n", s.logfile, strerror(errno));
		return 1;
	}
	s.nprogs = argc - first;
	s.progs = calloc((size_t)s.nprogs, sizeof *s.progs); /* owned by s, sup_free() */
	if (!s.progs) {
		fprintf(stderr, "ddsup: out of memory\n");
		return 1;
	}
	for (int i = 0; i < s.nprogs; i++) {
		if (prog_init(&s, &s.progs[i], argv[first + i]) < 0)
			return 1;
		s.nws += s.progs[i].nworkers;
		for (int j = 0; j < i; j++) {
			if (strcmp(s.progs[j].name, s.progs[i].name) == 0) {
				fprintf(stderr, "ddsup: two programs named %s\n", s.progs[i].name);
				return 1;
			}
		}
	}
	s.ws = calloc((size_t)s.nws, sizeof *s.ws); /* owned by s, sup_free() */
	if (!s.ws) {
		fprintf(stderr, "ddsup: out of memory\n");
		return 1;
	}
	for (int i = 0; i < s.nprogs; i++) {
		if (prog_listen(&s, &s.progs[i]) < 0) {
			cleanup(&s);
			return 1;
		}
	}
	if (signals_install() < 0) {
		fprintf(stderr, "ddsup: signals: %s\n", strerror(errno));
		cleanup(&s);
		return 1;
	}
	if (s.foreground) {
		if (pidfile_write(s.pidfile) < 0) {
			fprintf(stderr, "ddsup: cannot write %s: %s\n", s.pidfile, strerror(errno));
			cleanup(&s);
			return 1;
		}
		s.pidfile_written = true;
	} else if (daemonize(&s) < 0) {
		cleanup(&s);
		return 1;
	}

	logmsg("started (pid %ld): %d program(s), %d worker(s)%s%s", (long)getpid(), s.nprogs,
	       s.nws, s.drop ? " as " : "", s.drop ? s.user : "");
	for (int i = 0, k = 0; i < s.nprogs; i++) {
		for (int j = 0; j < s.progs[i].nworkers; j++, k++) {
			s.ws[k].prog = i;
			s.ws[k].state = W_PENDING;
			s.ws[k].start_at = 0;
		}
	}

	int stop_sig = 0;
	while (!stop_sig) {
		int timeout = start_due(&s);
		struct pollfd pfd = { .fd = sigpipe_fd[0], .events = POLLIN };
		int rc = poll(&pfd, 1, timeout);
		if (rc < 0 && errno != EINTR) {
			logmsg("poll: %s", strerror(errno));
			stop_sig = SIGTERM;
			break;
		}
		if (rc <= 0)
			continue;
		unsigned char buf[64];
		ssize_t n;
		bool hup = false;
		while ((n = read(sigpipe_fd[0], buf, sizeof buf)) > 0) {
			for (ssize_t k = 0; k < n; k++) {
				if (buf[k] == SIGTERM || buf[k] == SIGINT)
					stop_sig = buf[k];
				else if (buf[k] == SIGHUP)
					hup = true;
			}
		}
		reap(&s, true);
		if (hup && !stop_sig)
			reload(&s);
	}
	logmsg("signal %d: stopping workers", stop_sig);
	stop_all(&s);
	cleanup(&s);
	logmsg("stopped");
	sup_free(&s);
	return 0;
}
