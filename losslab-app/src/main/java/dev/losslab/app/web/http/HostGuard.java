package dev.losslab.app.web.http;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which names a request may address the lab by (its {@code Host} header).
 *
 * <p>Why: a page on another site can point its own host name at this machine (DNS rebinding) and
 * then read our answers as same-origin; its requests still carry that other name. So the lab
 * answers only requests addressed to one of its own names: the loopback names always; when it
 * listens on a network too, this machine's names and addresses; and what {@code --allow-host} adds
 * (a name others reach it by, such as a DNS alias).
 */
public final class HostGuard {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed;
    private final boolean loopbackOnly;

    private HostGuard(Set<String> allowed, boolean loopbackOnly) {
        this.allowed = Collections.unmodifiableSet(allowed);
        this.loopbackOnly = loopbackOnly;
    }

    /** For a lab listening on {@code bound}: loopback names, plus this machine's when it listens beyond, plus {@code extra}. */
    public static HostGuard forAddress(InetAddress bound, Collection<String> extra) {
        Set<String> names = new LinkedHashSet<>(LOOPBACK);
        boolean loopbackOnly = bound.isLoopbackAddress();
        if (bound.isAnyLocalAddress()) {
            names.addAll(machineNames());
        } else if (!loopbackOnly) {
            names.add(literal(bound));
        }
        extra.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
        return new HostGuard(names, loopbackOnly && extra.isEmpty());
    }

    /** The names and addresses requests may use, lower case, IPv6 addresses in brackets. */
    public Set<String> allowed() {
        return allowed;
    }

    /** Refuses (403) a request whose Host header names none of the allowed names. */
    void require(String hostHeader) {
        String name = nameOf(hostHeader);
        boolean loopback = name.matches("127(\\.\\d{1,3}){3}");
        if (!allowed.contains(name) && !loopback) {
            throw ApiException.forbidden(loopbackOnly
                    ? "this lab only answers requests addressed to localhost or 127.0.0.1, not '" + orEmpty(hostHeader) + "'"
                    : "this lab does not answer requests addressed to '" + orEmpty(hostHeader)
                            + "'; start it with --allow-host NAME to add a name");
        }
    }

    /** The host of a Host header: lower case, without the port, IPv6 kept in brackets. */
    static String nameOf(String hostHeader) {
        String name = orEmpty(hostHeader).strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.substring(0, Math.max(1, name.indexOf(']') + 1));
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** An address as a Host header writes it: IPv6 in brackets, without a zone. */
    public static String literal(InetAddress address) {
        String text = address.getHostAddress().toLowerCase(Locale.ROOT);
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return text.contains(":") ? "[" + text + "]" : text;
    }

    /** This machine's host names and the addresses of its network interfaces that are up. */
    private static Set<String> machineNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException unnamed) {
            // a machine without a resolvable name is reached by its addresses
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    nic.inetAddresses().forEach(a -> names.add(literal(a)));
                }
            }
        } catch (SocketException unreadable) {
            // without the interfaces, only the names above and --allow-host
        }
        return names;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
