import type { temporal } from '@temporalio/proto';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

type History = temporal.api.history.v1.IHistory;
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown): History;
}

// The SDK's historyToJSON/historyFromJSON fail here ("type must be a Type"): npm installs a protobufjs
// copy under each @temporalio package, and @temporalio/common's copy does not recognise the types built
// by @temporalio/proto's. The converter is therefore taken from @temporalio/proto's own protobufjs.
const protojson = require(require.resolve('protobufjs/ext/protojson', { paths: [require.resolve('@temporalio/proto')] })) as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType('temporal.api.history.v1.History');

/** A history as the proto3 JSON that `temporal workflow show --output json` and the Web UI download write. */
export function historyToJson(history: History): string {
  return `${JSON.stringify(protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)), null, 1)}\n`;
}

export function historyFromJson(json: unknown): History {
  return protojson.fromJson(historyType, json);
}
