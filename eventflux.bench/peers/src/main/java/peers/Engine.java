package peers;

/** One deployed workload: replay rows synchronously, count outputs. */
public interface Engine extends AutoCloseable {
    /** Send all rows once, one by one, from the calling thread. round = 0,1,2,... (for W5 event time). */
    void sendRound(Object[][] rows, int round) throws Exception;

    long outputs();

    void resetOutputs();

    @Override
    void close();
}
