package org.dpem.learning.ppo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The on-disk form of an agent: a magic and version, the config hash and text, the parameters,
 * Adam's moments and step, the RNG state, the update count, and a CRC-32C over everything
 * before it. Floats are stored as their raw bits, so a reload is bit-exact. Written to a
 * temporary file and moved into place, so a crash never leaves a torn checkpoint behind.
 */
record PpoCheckpoint(String configHash, String configText, float[] parameters,
    float[] optimizerMoments, long optimizerStep, long rngState, long updates) {
  private static final long MAGIC = 0x4450454D50504F31L; // "DPEMPPO1"
  private static final int VERSION = 1;

  void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      CRC32C crc = new CRC32C();
      try (OutputStream os = Files.newOutputStream(tmp);
          DataOutputStream out = new DataOutputStream(
              new CheckedOutputStream(new BufferedOutputStream(os), crc))) {
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(configHash);
        out.writeUTF(configText);
        writeFloats(out, parameters);
        writeFloats(out, optimizerMoments);
        out.writeLong(optimizerStep);
        out.writeLong(rngState);
        out.writeLong(updates);
        out.flush();
        long sum = crc.getValue();
        out.writeLong(sum);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static PpoCheckpoint read(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    try (InputStream is = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(
            new CheckedInputStream(new BufferedInputStream(is), crc))) {
      if (in.readLong() != MAGIC) {
        throw new IOException(file + ": not a PPO checkpoint (bad magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + ": checkpoint version " + version + ", this build reads "
            + VERSION);
      }
      String hash = in.readUTF();
      String text = in.readUTF();
      float[] params = readFloats(in, file, "parameters");
      float[] moments = readFloats(in, file, "optimizer moments");
      long step = in.readLong();
      long rng = in.readLong();
      long updates = in.readLong();
      long expected = crc.getValue();
      long stored = in.readLong();
      if (stored != expected) {
        throw new IOException(file + ": checkpoint CRC mismatch (file damaged)");
      }
      return new PpoCheckpoint(hash, text, params, moments, step, rng, updates);
    } catch (EOFException e) {
      throw new IOException(file + ": checkpoint truncated", e);
    }
  }

  private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
    out.writeInt(v.length);
    for (float f : v) {
      out.writeInt(Float.floatToRawIntBits(f));
    }
  }

  private static float[] readFloats(DataInputStream in, Path file, String what)
      throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 28) {
      throw new IOException(file + ": implausible " + what + " length " + n);
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = Float.intBitsToFloat(in.readInt());
    }
    return v;
  }
}
