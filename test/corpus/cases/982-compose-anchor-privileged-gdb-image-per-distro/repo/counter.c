#include <stdio.h>
#include <unistd.h>
int main(void){for(int i=0;;i++){printf("%d %d\n",getpid(),i);sleep(1);}}
