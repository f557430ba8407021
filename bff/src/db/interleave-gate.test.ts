import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import mongoose, { Schema } from 'mongoose';
import { interleave } from '../../test/interleave';

/**
 * The interleaving harness (test/interleave.ts) is what makes the race tests
 * force an order: a command it does not gate runs whenever it likes, and a test
 * of that path proves nothing. The product sends some commands through the
 * driver directly (its hot paths); each must pass the gate exactly once, as a
 * mongoose query or create does.
 */
describe('the interleaving gate', () => {
  const Gated = mongoose.model('GateProbe', new Schema({ n: Number }, { timestamps: true }));

  beforeAll(async () => {
    await mongoose.connect(process.env.MONGODB_URI!, { dbName: `test_${randomBytes(6).toString('hex')}` });
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });

  it('stops every command once, whether mongoose or the product sends it to the driver', async () => {
    const commands = [
      () => Gated.create({ n: 1 }),
      () => Gated.findOne({ n: 1 }).lean(),
      () => Gated.find({ n: 1 }).lean(),
      () => Gated.collection.findOne({ n: 1 }),
      () => Gated.collection.find({ n: 1 }).toArray(),
      () => Gated.collection.findOneAndUpdate({ n: 1 }, { $inc: { n: 1 } }),
      () => Gated.collection.insertOne({ n: 5 }),
      () => Gated.collection.bulkWrite([{ updateOne: { filter: { n: 5 }, update: { $set: { n: 6 } } } }]),
      () => Gated.countDocuments(),
      () => Gated.insertMany([{ n: 7 }, { n: 8 }]),
      () => Gated.updateOne({ n: 7 }, { $set: { n: 9 } }),
      () => Gated.aggregate([{ $match: { n: 9 } }]),
      () => Gated.deleteMany({ n: 8 }),
    ];
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        await Gated.deleteMany({});
        const [done] = await interleave(s, [
          async () => {
            for (const command of commands) await command();
          },
        ]);
        expect(done.status).toBe('fulfilled');
        expect(s.report().map((task) => task.label)).toEqual([
          'gateprobes.insertOne',
          'gateprobes.findOne',
          'gateprobes.find',
          'gateprobes.findOne',
          'gateprobes.find',
          'gateprobes.findOneAndUpdate',
          'gateprobes.insertOne',
          'gateprobes.bulkWrite',
          'gateprobes.countDocuments',
          'gateprobes.bulkWrite',
          'gateprobes.updateOne',
          'gateprobes.aggregate',
          'gateprobes.deleteMany',
        ]);
      }),
      { numRuns: 3 },
    );
  });
});
