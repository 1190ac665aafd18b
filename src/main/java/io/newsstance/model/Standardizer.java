package io.newsstance.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Per-feature standardisation (x - mean) / std, fitted on training features and stored with the model. */
public record Standardizer(float[] mean, float[] std) {

    public static Standardizer fit(float[][] x) {
        int d = x[0].length;
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
                sq[j] += (double) row[j] * row[j];
            }
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / x.length;
            mean[j] = (float) m;
            std[j] = (float) Math.max(1e-6, Math.sqrt(Math.max(0, sq[j] / x.length - m * m)));
        }
        return new Standardizer(mean, std);
    }

    public float[][] apply(float[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            float[] row = new float[mean.length];
            for (int j = 0; j < mean.length; j++) {
                row[j] = (x[i][j] - mean[j]) / std[j];
            }
            out[i] = row;
        }
        return out;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(mean.length);
        for (int j = 0; j < mean.length; j++) {
            out.writeFloat(mean[j]);
            out.writeFloat(std[j]);
        }
    }

    static Standardizer read(DataInputStream in) throws IOException {
        int d = in.readInt();
        if (d <= 0 || d > 1 << 20) {
            throw new IOException("bad feature dimension " + d);
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = in.readFloat();
            std[j] = in.readFloat();
        }
        return new Standardizer(mean, std);
    }
}
