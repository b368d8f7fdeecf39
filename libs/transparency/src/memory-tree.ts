import { type Hash, leafHash, nodeHash } from './hashing';
import { type NodeLookup } from './assemble';
import { nodesClosedBy, nodeKey, type NodeId } from './tree-math';

/**
 * A tree held in memory with every complete-subtree hash, the same shape the database stores
 * (ADR 54). For tests, fixtures and the verifier; the server's tree lives in `log_tree_nodes`.
 */
export class MemoryTree {
  private readonly nodes = new Map<string, Hash>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  appendLeaf(bytes: Uint8Array): Hash {
    return this.appendLeafHash(leafHash(bytes));
  }

  appendLeafHash(hash: Hash): Hash {
    for (const node of nodesClosedBy(this.count)) {
      const value =
        node.level === 0
          ? hash
          : nodeHash(
              this.node({ level: node.level - 1, index: node.index * 2 }),
              this.node({ level: node.level - 1, index: node.index * 2 + 1 }),
            );
      this.nodes.set(nodeKey(node), value);
    }
    this.count += 1;
    return hash;
  }

  readonly lookup: NodeLookup = (node) => this.node(node);

  private node(node: NodeId): Hash {
    const hash = this.nodes.get(nodeKey(node));
    if (!hash) throw new RangeError(`no node ${nodeKey(node)} in a tree of size ${this.count}`);
    return hash;
  }
}
