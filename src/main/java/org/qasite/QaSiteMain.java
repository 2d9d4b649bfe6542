package org.qasite;

import java.util.Arrays;
import java.util.Locale;

import org.qasite.demo.DemoDataFiller;
import org.qasite.demo.DemoDataFiller.Result;
import org.qasite.demo.FillDbArgs;
import org.qasite.member.Admins;
import org.qasite.member.MakeAdminArgs;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point: without arguments it runs the site; {@code fill-db N [--if-empty]} fills the database with demo
 * data and exits; {@code make-admin [--revoke] USERNAME} gives (or takes) the administrator role and exits.
 */
@QuarkusMain
public class QaSiteMain implements QuarkusApplication {

    private final DemoDataFiller filler;
    private final Admins admins;

    QaSiteMain(DemoDataFiller filler, Admins admins) {
        this.filler = filler;
        this.admins = admins;
    }

    public static void main(String... args) {
        if (args.length > 0 && System.getProperty("quarkus.http.host-enabled") == null) {
            // A command must not take the site's port: the site may be running next to it. bin/fill-db and
            // bin/make-admin pass this too; setting it here covers running the jar by hand.
            System.setProperty("quarkus.http.host-enabled", "false");
        }
        if (args.length > 0 && System.getProperty("qa.events.enabled") == null) {
            // A command is not an instance of the site: it neither publishes events nor joins consumer groups.
            System.setProperty("qa.events.enabled", "false");
        }
        Quarkus.run(QaSiteMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case FillDbArgs.COMMAND -> fillDb(rest);
            case MakeAdminArgs.COMMAND -> makeAdmin(rest);
            default -> {
                System.err.println("Unknown command '" + args[0] + "'. Run without arguments to start the site, or:\n"
                        + FillDbArgs.USAGE + "\n" + MakeAdminArgs.USAGE);
                yield 2;
            }
        };
    }

    private int makeAdmin(String... args) {
        MakeAdminArgs makeAdmin;
        try {
            makeAdmin = MakeAdminArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Admins.Change change;
        try {
            change = makeAdmin.revoke() ? admins.revoke(makeAdmin.username()) : admins.grant(makeAdmin.username());
        } catch (RuntimeException e) {
            Log.error("make-admin failed", e);
            System.err.println("make-admin: failed: " + e.getMessage());
            return 1;
        }
        if (change.failed()) {
            System.err.println("make-admin: " + change.message());
            return 1;
        }
        System.out.println("make-admin: " + change.message());
        return 0;
    }

    private int fillDb(String... args) {
        FillDbArgs fillDb;
        try {
            fillDb = FillDbArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            Result result = filler.fill(fillDb.ratio(), fillDb.ifEmpty(), System.err);
            if (result.skipped()) {
                System.out.println("fill-db: the database has members already; nothing added (--if-empty).");
            } else {
                System.out.printf(Locale.ROOT, "fill-db: ratio %d, %,d rows in %.1f s (%,d rows/s)%n", fillDb.ratio(),
                        result.rows(), result.seconds(), Math.round(result.rows() / Math.max(result.seconds(), 1e-3)));
                System.out.print(result.summary());
                System.out.println("Demo members log in as demo-<id> with the password " + DemoDataFiller.DEMO_PASSWORD
                        + " (ids " + result.members().first() + " to " + result.members().last() + ").");
            }
            return 0;
        } catch (Exception e) {
            // Ends a progress bar cut short, so the error starts on a line of its own.
            System.err.println();
            Log.error("fill-db failed", e);
            System.err.println("fill-db: failed: " + e.getMessage());
            return 1;
        }
    }
}
