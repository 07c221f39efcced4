package io.servicedocs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class DeadlineTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Deadline deadline = Deadline.start(Duration.ofSeconds(10), nanos::get);

    private void pass(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void capsTimeoutsByTheTimeLeft() {
        assertEquals(Duration.ofSeconds(3), deadline.cap(Duration.ofSeconds(3)));
        assertFalse(deadline.caps(Duration.ofSeconds(3)));
        pass(Duration.ofSeconds(8));
        assertEquals(Duration.ofSeconds(2), deadline.remaining());
        assertEquals(Duration.ofSeconds(2), deadline.cap(Duration.ofSeconds(3)));
        assertTrue(deadline.caps(Duration.ofSeconds(3)));
        assertFalse(deadline.expired());
        pass(Duration.ofSeconds(5));
        assertTrue(deadline.expired());
        assertEquals(Duration.ZERO, deadline.remaining());
        assertEquals(Duration.ofMillis(1), deadline.cap(Duration.ofSeconds(3)), "clients refuse a zero timeout");
        assertEquals(Duration.ofSeconds(13), deadline.elapsed());
    }

    @Test
    void callWithinReturnsTheResultOrWhatTheWorkThrew() throws Exception {
        Deadline real = Deadline.start(Duration.ofSeconds(30));
        assertEquals("done", real.callWithin("test", Duration.ZERO, IOException.class, () -> "done"));
        IOException failure = new IOException("disk");
        IOException thrown = assertThrows(IOException.class,
                () -> real.callWithin("test", Duration.ZERO, IOException.class, () -> {
                    throw failure;
                }));
        assertSame(failure, thrown);
        IllegalStateException unchecked = new IllegalStateException("bug");
        assertSame(unchecked, assertThrows(IllegalStateException.class,
                () -> real.callWithin("test", Duration.ZERO, IOException.class, () -> {
                    throw unchecked;
                })));
    }

    @Test
    void callWithinGivesUpOnWorkThatOutlivesTheDeadlineAndInterruptsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Deadline shortOne = Deadline.start(Duration.ofMillis(200));

        assertThrows(TimeoutException.class, () -> shortOne.callWithin("stuck", Duration.ofMillis(100),
                RuntimeException.class, () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // never counted down
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "too late";
        }));

        // On a loaded machine the work's thread may not have begun before the deadline: then it is
        // cancelled before it runs and never runs. Work that did begin must have been interrupted.
        if (started.await(2, TimeUnit.SECONDS)) {
            assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the abandoned work was interrupted");
        }
    }

    @Test
    void limitsAreDescribedWithTheOptionThatRaisesThem() {
        NetworkLimits limits = NetworkLimits.DEFAULT.withDeadline(Duration.ofMinutes(90));
        assertEquals("the deadline of 1 h 30 min (--deadline PT1H30M)", NetworkLimits.Limit.DEADLINE.describe(limits));
        assertEquals("the read timeout of 30 s (--read-timeout PT30S)", NetworkLimits.Limit.READ.describe(limits));
        assertEquals("the call timeout of 3 min 30 s (3 request timeouts and the waits between them: see "
                + "--request-timeout)", NetworkLimits.Limit.CALL.describe(limits));
        assertEquals(Duration.ofSeconds(33), NetworkLimits.DEFAULT.withRequestTimeout(Duration.ofSeconds(1)).callTimeout());
        assertEquals("0.25 s", NetworkLimits.human(Duration.ofMillis(250)));
        assertThrows(IllegalArgumentException.class, () -> NetworkLimits.DEFAULT.withDeadline(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> NetworkLimits.DEFAULT.withReadTimeout(Duration.ofDays(2)));
    }
}
