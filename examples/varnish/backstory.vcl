#
# Varnish Cache 7 in front of Backstory, purged by tag with varnish-modules' xkey.
#
#   varnishd -j none -a 127.0.0.1:6081 -f "$PWD/examples/varnish/backstory.vcl" -s malloc,64m -n /tmp/backstory-varnish -F
#   PURGE_URLS=http://127.0.0.1:6081/ npm start
#
# Backstory decides what is cached and for how long (Cache-Control: s-maxage, then max-age; `private`
# and `no-store` are not cached) and names what each response read in Surrogate-Key. A publish sends
# `PURGE /` with those names in `xkey-purge`; every object carrying any of them is dropped at once.
#
vcl 4.1;

import xkey;

# Backstory. The one place to change for another address (npm start listens on port 4000).
backend backstory { .host = "127.0.0.1"; .port = "4000"; }

# Who may purge: the Backstory processes (PURGE_URLS), localhost by default.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "A purge names its keys in xkey-purge"));
        }
        # xkey.purge takes the whole list: keys separated by spaces (or commas), as Backstory sends them.
        # A hard purge, not a softpurge: a reader must never see the release before a publish again.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    # Backstory reads no cookie: dropping them keeps responses cacheable and readers' cookies private.
    unset req.http.Cookie;
    # Then the built-in rules: only GET and HEAD are looked up; a request with an API key
    # (Authorization: an editor's preview, a mutation) goes to Backstory, uncached.
}

sub vcl_backend_response {
    unset beresp.http.Set-Cookie;
    # xkey indexes an object by the keys in its `xkey` header (spaces or commas between them).
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Then the built-in rules: TTL from Cache-Control (s-maxage first), grace from stale-while-revalidate,
    # nothing cached that says private or no-store, and Vary (Accept-Encoding, Accept-Language, Accept,
    # Authorization) honoured: one object per variant.
}

sub vcl_deliver {
    # Hit or miss here, told from the object, not from Age (which Backstory's own cache makes non-zero).
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for this cache; readers need not see what a page is made of (as Fastly and
    # Cloudflare do). Remove these lines to debug purges from outside.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    unset resp.http.Set-Cookie;
}
